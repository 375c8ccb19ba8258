import { t } from '../../i18n';
import type { SearchHit } from '../../local-db/queries/search';
import type { SearchState } from '../hooks/use-search';

type Props = { state: SearchState; active: number; onPick?: (hit: SearchHit) => void };

/** The results of the text in `state`; `data-query` tells tests and the bench which text they answer. */
export function SearchResults({ state, active, onPick }: Props) {
  if (state.status === 'empty') return null;
  if (state.status === 'searching') {
    return (
      <p class="search-status muted" data-testid="search-status" data-state="searching">
        {t('search.searching')}
      </p>
    );
  }
  if (state.status === 'failed') {
    return (
      <p class="search-status error" data-testid="search-status" data-state="failed" role="alert">
        {t('search.failed', { error: state.error })}
      </p>
    );
  }
  if (state.hits.length === 0) {
    return (
      <div class="search-status" data-testid="search-status" data-state="none" data-query={state.text} role="status">
        <p class="muted">{t('search.noResults', { text: state.text })}</p>
        <p class="muted small">{t('search.hint')}</p>
      </div>
    );
  }
  return (
    <ul
      id="search-results"
      class="search-results"
      role="listbox"
      aria-label={t('search.count', { count: state.hits.length })}
      data-testid="search-results"
      data-query={state.text}
    >
      {state.hits.map((hit, i) => (
        <li
          key={`${hit.kind}:${hit.contact?.id ?? hit.customer.id}`}
          id={`search-hit-${i}`}
          role="option"
          aria-selected={i === active}
          class={`search-hit${i === active ? ' active' : ''}${onPick ? ' pickable' : ''}`}
          data-testid="search-result"
          data-kind={hit.kind}
          data-customer-id={hit.customer.id}
          // mousedown, not click: the input keeps focus, so the list does not close under the pointer.
          onMouseDown={(e) => {
            e.preventDefault();
            onPick?.(hit);
          }}
        >
          <Hit hit={hit} />
        </li>
      ))}
    </ul>
  );
}

function Hit({ hit }: { hit: SearchHit }) {
  const { customer, contact, owner } = hit;
  return (
    <>
      <span class="search-hit-line">
        <span class="search-hit-name" data-testid="search-result-customer">
          {customer.name}
        </span>
        {customer.customerClass && <span class="badge">{customer.customerClass}</span>}
      </span>
      {contact && (
        <span class="search-hit-contact" data-testid="search-result-contact">
          {t('search.kind.contact')}: {contact.name}
          {contact.emails[0] ? ` <${contact.emails[0]}>` : contact.phones[0] ? ` ${contact.phones[0]}` : ''}
        </span>
      )}
      <span class="search-hit-meta muted-inline small">
        {t('card.owner')}: {owner?.displayName ?? (customer.ownerUserId ? '—' : t('card.ownerNone'))}
        {customer.code ? ` · ${customer.code}` : ''}
      </span>
    </>
  );
}
