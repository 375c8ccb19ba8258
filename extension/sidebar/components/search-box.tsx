import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { SearchHit } from '../../local-db/queries/search';
import { useSearch, type SearchFn } from '../hooks/use-search';
import { SearchResults } from './search-results';

const LIMIT = 20;

type Props = {
  search: SearchFn;
  /** A result was clicked or chosen with Enter; the box clears itself. Absent: results are only shown. */
  onPick?: (hit: SearchHit) => void;
};

/**
 * The search field and its results as a listbox (combobox pattern): ↑/↓ move, Enter opens,
 * Escape clears. Used by the sidebar and the popup; both pass the replica's search.
 */
export function SearchBox({ search, onPick }: Props) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const state = useSearch(search, text, LIMIT);
  const hits = state.status === 'done' ? state.hits : [];
  const open = text.trim() !== '';
  const pick = (hit: SearchHit | undefined): void => {
    if (!hit || !onPick) return;
    onPick(hit);
    setText('');
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (hits.length > 0) setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick(hits[Math.min(active, hits.length - 1)]);
    } else if (e.key === 'Escape') setText('');
  };
  return (
    <div class="search" data-testid="search">
      <div class="search-field">
        <input
          type="text"
          data-testid="search-input"
          role="combobox"
          aria-label={t('search.label')}
          aria-expanded={open}
          aria-controls="search-results"
          aria-activedescendant={open && hits.length > 0 ? `search-hit-${Math.min(active, hits.length - 1)}` : undefined}
          placeholder={t('search.placeholder')}
          autocomplete="off"
          spellcheck={false}
          value={text}
          onInput={(e) => {
            setText(e.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      {open && <SearchResults state={state} active={Math.min(active, Math.max(0, hits.length - 1))} onPick={onPick ? pick : undefined} />}
    </div>
  );
}
