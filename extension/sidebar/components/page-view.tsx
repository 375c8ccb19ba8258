import { useState } from 'preact/hooks';
import { ownSide } from '../../../shared/domain/sender';
import type { Clue, PageContext, Participant } from '../../../shared/schemas/host-context';
import { t } from '../../i18n';
import type { LocalCustomer } from '../../local-db/local-rows';
import type { PageMatch } from '../../local-db/queries/match-page';
import { useSidebarData } from '../data/sidebar-data';
import { useLive } from '../hooks/use-live';
import { CustomerView } from './customer-view';
import { UnknownSender } from './unknown-sender';

const asPerson = (email: string): Participant => ({ email, name: '', role: 'to' });

/**
 * An approved portal page: the customer its clues name, in the same customer view as mail.
 * Several customers for one clue: the user picks one for this page. None: the first outside
 * address can become a customer; without one, what the page said is listed (as text).
 */
export function PageView({ context }: { context: PageContext }) {
  const data = useSidebarData();
  const status = useLive(() => data.syncStatus(), []);
  const me = status?.session?.email ?? null;
  const [pickedId, setPickedId] = useState<string | null>(null);
  const match = useLive(() => data.matchPage(context.clues, me), [JSON.stringify(context.clues), me]);
  if (!match || !status) return null;
  if (match.kind === 'matched') {
    const person = match.reason.kind === 'email' ? asPerson(match.reason.value) : null;
    return <CustomerView customer={match.customer} contact={match.contact} reason={match.reason} person={person} context={context} />;
  }
  if (match.kind === 'ambiguous') {
    const picked = match.candidates.find((c) => c.id === pickedId);
    if (picked) return <CustomerView customer={picked} contact={null} reason={match.reason} person={null} context={context} onSwitch={() => setPickedId(null)} />;
    return <Candidates match={match} onPick={setPickedId} />;
  }
  const inside = ownSide(me);
  const email = context.clues.find((c) => c.kind === 'email' && !inside(c.value));
  if (email) return <UnknownSender sender={asPerson(email.value)} />;
  return <NothingFound clues={context.clues} />;
}

function Candidates({ match, onPick }: { match: Extract<PageMatch, { kind: 'ambiguous' }>; onPick: (id: string) => void }) {
  return (
    <section class="card" data-testid="page-candidates">
      <h2 class="card-title">{t('page.severalTitle')}</h2>
      <p class="muted">{t(`card.reasonPage.${match.reason.kind}`, { value: match.reason.value })}</p>
      <ul class="candidates">
        {match.candidates.map((customer: LocalCustomer) => (
          <li key={customer.id} data-testid="page-candidate">
            <button type="button" class="link" onClick={() => onPick(customer.id)}>
              {customer.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function NothingFound({ clues }: { clues: Clue[] }) {
  return (
    <section class="state" data-testid="state-page-unknown">
      <p class="state-title">{t('page.noneTitle')}</p>
      <p class="muted">{clues.length > 0 ? t('page.noneHint') : t('page.emptyHint')}</p>
      {clues.length > 0 && (
        <ul class="clues" data-testid="page-clues">
          {clues.map((clue) => (
            <li key={`${clue.kind} ${clue.value}`} data-kind={clue.kind}>
              {t(`card.reasonPage.${clue.kind}`, { value: clue.value })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
