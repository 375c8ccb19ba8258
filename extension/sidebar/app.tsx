import type { HostContext, ThreadContext } from '../../shared/schemas/host-context';
import { t } from '../i18n';
import { getLocalDb } from '../local-db/db';
import { live } from '../local-db/live';
import { matchSender } from '../local-db/queries/match-context';
import { syncStatus } from '../local-db/queries/sync-status';
import { CustomerCard } from './components/customer-card';
import { NoteForm } from './components/note-form';
import { RejectedChanges } from './components/rejected-changes';
import { NoSender, NoThread, SignedOut, Unreadable } from './components/states';
import { SyncStatusLine } from './components/sync-status';
import { Timeline } from './components/timeline';
import { UnknownSender } from './components/unknown-sender';
import { useHostContext, type HostContextFeed } from './hooks/use-host-context';
import { useLive } from './hooks/use-live';

export function App({ feed }: { feed: HostContextFeed }) {
  const status = useLive(() => live(() => syncStatus(getLocalDb())), []);
  const context = useHostContext(feed);
  return (
    <div class="app">
      <header class="app-header">{t('app.title')}</header>
      <main class="app-main">
        {status && !status.signedIn && <SignedOut />}
        {status?.signedIn && <ContextView context={context} />}
        {status?.signedIn && <RejectedChanges />}
      </main>
      {status && <SyncStatusLine status={status} />}
    </div>
  );
}

function ContextView({ context }: { context: HostContext | undefined }) {
  if (!context || context.kind === 'none') return <NoThread />;
  if (context.kind === 'unreadable') return <Unreadable />;
  if (!context.sender) return <NoSender />;
  // Keyed by sender so a new thread's form never keeps the previous sender's typed values.
  return <ThreadView key={`${context.threadId} ${context.sender.email}`} context={context} />;
}

function ThreadView({ context }: { context: ThreadContext }) {
  const sender = context.sender!;
  const match = useLive(() => live(() => matchSender(getLocalDb(), sender)), [sender.email, sender.name]);
  if (!match) return null;
  if (match.kind === 'unknown') return <UnknownSender sender={sender} />;
  return (
    <>
      <CustomerCard customer={match.customer} contact={match.contact} reason={match.reason} sender={sender} />
      <NoteForm customerId={match.customer.id} threadId={context.threadId} />
      <Timeline customerId={match.customer.id} />
    </>
  );
}
