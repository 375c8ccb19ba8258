import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { getLocalDb } from '../local-db/db';
import { live } from '../local-db/live';
import { syncStatus } from '../local-db/queries/sync-status';
import { sendToBackground } from '../messaging/runtime-client';
import { SyncStatusLine } from '../sidebar/components/sync-status';
import { useLive } from '../sidebar/hooks/use-live';

export function PopupApp() {
  const status = useLive(() => live(() => syncStatus(getLocalDb())), []);
  return (
    <div class="popup">
      <strong>{t('app.title')}</strong>
      {status?.session && status.signedIn && <p class="muted">{status.session.email}</p>}
      {status && <SyncStatusLine status={status} />}
      <div class="row">
        <button type="button" data-testid="sync-now" onClick={() => void sendToBackground({ type: 'sync-now' })}>
          {t('options.syncNow')}
        </button>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup.openOptions')}
        </button>
      </div>
    </div>
  );
}
