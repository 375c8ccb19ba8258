import '../zod-jitless';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { forgetToken } from '../background/account';
import { handleMessage } from '../background/handle-message';
import { inBackground } from '../background/in-background';
import { isReminderAlarm, openReminder, refreshBadge, refreshReminders, remind } from '../background/reminders';
import { announceReplicaChanged } from '../background/replica-service';
import { watchPortalPermissions } from '../background/portal-service';
import { forgetTab } from '../background/tab-state';
import { getLocalDb } from '../local-db/db';
import { getMeta } from '../local-db/meta';
import { completeSearchKeysSoon } from '../local-db/search/complete-search-keys';
import { createSyncEngine } from '../sync/engine';
import { createApiClient, trpcTransport } from '../sync/trpc-client';

const SYNC_ALARM = 'inbox-crm-sync';

// Thin wiring. Listeners are registered synchronously at start so a stopped worker that is woken
// by an alarm or a message gets the event (MV3); all sync state is in Dexie and storage.
export default defineBackground(() => {
  const db = getLocalDb();
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let remindersTimer: ReturnType<typeof setTimeout> | undefined;
  // Follow-up reminders follow the replica: re-planned shortly after any change (a burst of
  // changes during a sync makes one re-plan).
  const refreshRemindersSoon = (): void => {
    clearTimeout(remindersTimer);
    remindersTimer = setTimeout(() => inBackground(db, 'reminders', () => refreshReminders(db)), 300);
  };
  const engine = createSyncEngine({
    db,
    async getTransport() {
      const connection = await getMeta(db, 'connection');
      if (!connection?.token) return null;
      return trpcTransport(createApiClient(connection.serverUrl, connection.token));
    },
    onUnauthorized: () => forgetToken(db),
    onChange() {
      announceReplicaChanged();
      // Pages nudge a sync after each local change (even offline): a good moment to give rows a
      // page wrote without the pinyin dictionary their full keys.
      completeSearchKeysSoon(db);
      refreshRemindersSoon();
    },
    scheduleRetry(delayMs) {
      clearTimeout(retryTimer);
      retryTimer = setTimeout(syncSoon, delayMs);
    },
  });

  /** Every sync the worker starts without waiting; a failure is recorded (in-background.ts). */
  function syncSoon(): void {
    inBackground(db, 'sync', () => engine.requestSync());
  }

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    handleMessage(message, sender, { db, engine }).then(sendResponse, (error: unknown) => {
      console.warn('[inbox-crm] message failed', error);
      sendResponse(undefined);
    });
    return true; // answer asynchronously
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) {
      syncSoon();
      // The minute tick also moves follow-ups that fell due meanwhile onto the overdue badge.
      inBackground(db, 'reminders', () => refreshBadge(db));
    } else if (isReminderAlarm(alarm.name)) inBackground(db, 'reminders', () => remind(db, alarm));
  });
  browser.notifications.onClicked.addListener((id) => inBackground(db, 'reminders', () => openReminder(db, id)));
  inBackground(db, 'sync alarm', async () => {
    if (!(await browser.alarms.get(SYNC_ALARM))) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
  });
  self.addEventListener('online', syncSoon);
  browser.tabs.onRemoved.addListener((tabId) => inBackground(db, 'tab state', () => forgetTab(tabId)));
  watchPortalPermissions();
  syncSoon();
  refreshRemindersSoon();
});
