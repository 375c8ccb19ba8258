import { idSchema } from '../../shared/schemas/common';
import type { HostContext } from '../../shared/schemas/host-context';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { useSidebarData } from './data/sidebar-data';
import { RejectedChanges } from './components/rejected-changes';
import { SearchBox } from './components/search-box';
import { SelectedCustomer } from './components/selected-customer';
import { NoRecipient, NoSender, NoThread, SignedOut, Unreadable } from './components/states';
import { MailHealth } from './components/mail-health';
import { SyncStatusLine } from './components/sync-status';
import { ConversationView } from './components/conversation-view';
import { PageView } from './components/page-view';
import { ComposeBanner } from './components/compose-banner';
import { personOf } from './conversation';
import { useHostContext, type HostContextFeed } from './hooks/use-host-context';
import { useLive } from './hooks/use-live';

export function App({ feed }: { feed: HostContextFeed }) {
  const data = useSidebarData();
  const status = useLive(() => data.syncStatus(), []);
  const context = useHostContext(feed);
  // A customer opened from search, a board or a reminder (sidebar.html?customer=<id> in a tab);
  // another conversation or portal page shows its own customer again.
  const [selectedId, setSelectedId] = useState<string | null>(customerInUrl);
  const contextKey =
    context?.kind === 'thread' || context?.kind === 'compose'
      ? `${context.kind} ${context.threadId}`
      : context?.kind === 'page'
        ? context.url
        : context?.kind;
  const shownKey = useRef(contextKey);
  // Opened after an outage with changes waiting: try now, not at the back-off's time (the engine
  // decides whether and how often).
  useEffect(() => data.retrySync(), [data]);
  useEffect(() => {
    // Only a change of conversation resets it, not the first render (a page opened for a customer).
    if (shownKey.current === contextKey) return;
    shownKey.current = contextKey;
    setSelectedId(null);
  }, [contextKey]);
  return (
    <div class="app" data-storage={data.mode}>
      <header class="app-header">{t('app.title')}</header>
      {status?.signedIn && <SearchBox search={data.search} onPick={(hit) => setSelectedId(hit.customer.id)} />}
      <main class="app-main">
        {status && !status.signedIn && <SignedOut />}
        {status?.signedIn && selectedId && <SelectedCustomer id={selectedId} onBack={() => setSelectedId(null)} />}
        {status?.signedIn && !selectedId && <ContextView context={context} onOpenCustomer={setSelectedId} />}
        {status?.signedIn && <RejectedChanges />}
      </main>
      {status?.signedIn && <MailHealth />}
      {status && <SyncStatusLine status={status} onRetry={data.retrySync} />}
    </div>
  );
}

/** `?customer=<id>`: the page was opened for one customer (a reminder's click). */
function customerInUrl(): string | null {
  const id = new URLSearchParams(location.search).get('customer');
  return id && idSchema.safeParse(id).success ? id : null;
}

function ContextView({ context, onOpenCustomer }: { context: HostContext | undefined; onOpenCustomer: (id: string) => void }) {
  if (!context || context.kind === 'none') return <NoThread onOpenCustomer={onOpenCustomer} />;
  if (context.kind === 'unreadable') return <Unreadable />;
  // Keyed by URL: another page of the portal starts from its own clues.
  if (context.kind === 'page') return <PageView key={context.url} context={context} />;
  const person = personOf(context);
  if (!person) return context.kind === 'compose' ? <NoRecipient /> : <NoSender />;
  // Keyed by person so a new thread's form never keeps the previous person's typed values; the
  // same person while reading and then replying keeps the view (and anything typed in it).
  return (
    <>
      {context.kind === 'compose' && <ComposeBanner person={person} />}
      <ConversationView key={`${context.threadId} ${person.email}`} context={context} person={person} />
    </>
  );
}

