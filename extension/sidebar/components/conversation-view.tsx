import { useState } from 'preact/hooks';
import type { Participant } from '../../../shared/schemas/host-context';
import type { ContextMatch } from '../../local-db/queries/match-context';
import type { ConversationContext } from '../conversation';
import { useSidebarData } from '../data/sidebar-data';
import { useLive } from '../hooks/use-live';
import { CustomerView } from './customer-view';
import { MatchPicker } from './match-picker';
import { UnknownSender } from './unknown-sender';

type Props = { context: ConversationContext; person: Participant };

/**
 * The customer of the person a conversation is about: the sender of the thread being read, or
 * the recipient of the message being written. ONE view for both, so everything the customer view
 * shows (file, notes, timeline, what is due) is there while reading and while writing.
 * Unknown person: the create form; several customers: the picker.
 */
export function ConversationView({ context, person: sender }: Props) {
  const data = useSidebarData();
  // Asked again after a pick: seen in tests on fake-indexeddb, the live match query did not
  // always notice the new choice row (its later reads follow native awaits), so do not rely on it.
  const [round, setRound] = useState(0);
  const picked = () => setRound((r) => r + 1);
  const match = useLive(() => data.matchSender(sender), [sender.email, sender.name, round]);
  if (!match) return null;
  if (match.kind === 'unknown') return <UnknownSender sender={sender} />;
  if (match.kind === 'ambiguous') return <MatchPicker sender={sender} candidates={match.candidates} onPicked={picked} />;
  return <MatchedView match={match} context={context} person={sender} onPicked={picked} />;
}

type MatchedProps = Props & { match: Extract<ContextMatch, { kind: 'matched' }>; onPicked: () => void };

function MatchedView({ match, context, person: sender, onPicked }: MatchedProps) {
  const [switching, setSwitching] = useState(false);
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
    <CustomerView
      customer={match.customer}
      contact={match.contact}
      reason={match.reason}
      person={sender}
      context={context}
      chosen={match.chosen}
      onSwitch={match.candidates.length > 1 ? () => setSwitching(true) : undefined}
    />
  );
}
