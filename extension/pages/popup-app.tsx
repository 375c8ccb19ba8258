import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { getLocalDb } from '../local-db/db';
import { live } from '../local-db/live';
import { boardEntries } from '../local-db/queries/board';
import { searchReplica } from '../local-db/queries/search';
import { syncStatus } from '../local-db/queries/sync-status';
import { sendToBackground } from '../messaging/runtime-client';
import { sidePanelAvailable } from '../mount/display-settings';
import { PortalApproval } from './portals/portal-approval';
import { SearchBox } from '../sidebar/components/search-box';
import { Boards } from '../sidebar/follow-ups/boards';
import { SyncStatusLine } from '../sidebar/components/sync-status';
import { useLive } from '../sidebar/hooks/use-live';
import { openCustomerPage, openDashboard } from './open-page';
import { canReview } from '../../shared/domain/visit-rules';
import { memberById } from '../local-db/queries/members';
import { ReviewCount } from './visit-reviews/review-queue';
import { ServiceDeadlines } from './service-deadlines';

type PanelApi = { sidePanel?: { open(o: { windowId: number }): Promise<void> }; sidebarAction?: { open(): Promise<void> } };

/** The popup's window, known before any click: opening the panel must not await inside the click. */
let knownWindowId: number | undefined;
void browser.windows.getCurrent().then((win) => (knownWindowId = win.id));

/** In the click itself (a user gesture, nothing awaited before): the panel opens, the popup closes. */
function openSidePanel(): void {
  const api = browser as unknown as PanelApi;
  const opened = api.sidePanel && knownWindowId !== undefined ? api.sidePanel.open({ windowId: knownWindowId }) : api.sidebarAction?.open();
  void opened?.then(() => window.close());
}

/** Stable identity, so the search hook does not restart on every render. */
const search = (text: string, limit: number) => searchReplica(getLocalDb(), text, limit);

export function PopupApp() {
  const status = useLive(() => live(() => syncStatus(getLocalDb())), []);
  const board = useLive(() => live(() => boardEntries(getLocalDb())), []);
  const userId = status?.signedIn ? (status.session?.userId ?? null) : null;
  const me = useLive(() => live(() => memberById(getLocalDb(), userId)), [userId]);
  return (
    <div class="popup">
      <strong>{t('app.title')}</strong>
      {status?.session && status.signedIn && <p class="muted">{status.session.email}</p>}
      {/* A picked result opens the customer in a tab of its own. */}
      {status?.signedIn && <SearchBox search={search} onPick={(hit) => openCustomerPage(hit.customer.id)} />}
      <PortalApproval />
      {status?.signedIn && <Boards entries={board} onOpen={openCustomerPage} />}
      {me && <ServiceDeadlines userId={me.id} role={me.role} />}
      {me && canReview(me.role) && <ReviewCount onOpen={() => void browser.runtime.openOptionsPage()} />}
      {status && <SyncStatusLine status={status} />}
      <div class="row">
        <button type="button" data-testid="sync-now" onClick={() => void sendToBackground({ type: 'sync-now' })}>
          {t('options.syncNow')}
        </button>
        {sidePanelAvailable() && (
          <button type="button" data-testid="open-side-panel" onClick={openSidePanel}>
            {t('popup.openSidePanel')}
          </button>
        )}
        {status?.signedIn && (
          <button type="button" class="link" data-testid="open-dashboard" onClick={openDashboard}>
            {t('popup.openDashboard')}
          </button>
        )}
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup.openOptions')}
        </button>
      </div>
    </div>
  );
}
