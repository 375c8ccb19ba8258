import type { HostContext, ThreadContext } from '../../shared/schemas/host-context';
import { t } from '../i18n';
import { useSidebarData } from './data/sidebar-data';
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
  const data = useSidebarData();
  const status = useLive(() => data.syncStatus(), []);
  const context = useHostContext(feed);
  return (
    <div class="app" data-storage={data.mode}>
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
  const data = useSidebarData();
  const match = useLive(() => data.matchSender(sender), [sender.email, sender.name]);
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
