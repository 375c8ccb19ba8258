import { useState } from 'preact/hooks';
import type { ThreadContext } from '../../../shared/schemas/host-context';
import type { ContextMatch } from '../../local-db/queries/match-context';
import { useSidebarData } from '../data/sidebar-data';
import { useLive } from '../hooks/use-live';
import { CustomerCard } from './customer-card';
import { FollowUpsPanel } from '../follow-ups/follow-ups-panel';
import { CustomerFile } from './customer-file';
import { MatchPicker } from './match-picker';
import { NoteForm } from './note-form';
import { Timeline } from './timeline';
import { UnknownSender } from './unknown-sender';
import { ServicePanel } from '../service/service-panel';
import { VisitPanel } from '../visits/visit-panel';

/** An open thread: its sender's customer (or the picker when several match), file and timeline. */
export function ThreadView({ context }: { context: ThreadContext }) {
  const sender = context.sender!;
  const data = useSidebarData();
  // Asked again after a pick: seen in tests on fake-indexeddb, the live match query did not
  // always notice the new choice row (its later reads follow native awaits), so do not rely on it.
  const [round, setRound] = useState(0);
  const picked = () => setRound((r) => r + 1);
  const match = useLive(() => data.matchSender(sender), [sender.email, sender.name, round]);
  if (!match) return null;
  if (match.kind === 'unknown') return <UnknownSender sender={sender} />;
  if (match.kind === 'ambiguous') return <MatchPicker sender={sender} candidates={match.candidates} onPicked={picked} />;
  return <MatchedView match={match} context={context} onPicked={picked} />;
}

type MatchedProps = { match: Extract<ContextMatch, { kind: 'matched' }>; context: ThreadContext; onPicked: () => void };

function MatchedView({ match, context, onPicked }: MatchedProps) {
  const sender = context.sender!;
  const data = useSidebarData();
  const [switching, setSwitching] = useState(false);
  const id = match.customer.id;
  // The row by id, so an edit shows at once even before the match query runs again.
  const customer = useLive(() => data.customer(id), [id]) ?? match.customer;
  if (switching) {
    return (
      <MatchPicker
        sender={sender}
        candidates={match.candidates}
        onCancel={() => setSwitching(false)}
        onPicked={() => {
          setSwitching(false);
          onPicked();
        }}
      />
    );
  }
  return (
    <>
      <CustomerCard
        customer={customer}
        contact={match.contact}
        reason={match.reason}
        sender={sender}
        chosen={match.chosen}
        onSwitch={match.candidates.length > 1 ? () => setSwitching(true) : undefined}
      />
      <CustomerFile customer={customer} context={context} />
      <FollowUpsPanel customerId={id} customerName={customer.name} context={context} />
      <ServicePanel customerId={id} context={context} contactId={match.contact?.id ?? null} />
      <VisitPanel customerId={id} />
      <NoteForm customerId={id} threadId={context.threadId} />
      <Timeline customerId={id} customerName={customer.name} />
    </>
  );
}
