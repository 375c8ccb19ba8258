import { browser } from 'wxt/browser';
import { t } from '../i18n';
import type { LocalDb } from '../local-db/db';
import { dueFrom, overdueCount, signedInUserId } from '../local-db/queries/follow-ups';
import { openCustomerPage } from '../pages/open-page';
import { formatDue } from '../sidebar/follow-ups/due-time';
import { followUpTitle } from '../sidebar/follow-ups/phrasing';
import { planReminderAlarms, REMINDER_ALARM as ALARM } from './reminder-plan';

/**
 * Reminders (DOMAIN.md "Follow-ups": browser notifications at due time, through the background,
 * not the open tab): one chrome.alarms alarm per upcoming open follow-up of the signed-in user,
 * a text-only notification when it fires, and the overdue count on the toolbar icon. Everything
 * is derived from the replica, so a stopped and restarted worker rebuilds the same state.
 */
const NOTIFICATION = 'inbox-crm-follow-up:';
/** Chrome allows 500 alarms per extension; the nearest 100 due times are plenty between refreshes. */
export const MAX_REMINDERS = 100;

/** Re-plans the reminder alarms from the replica (after every replica change and at start), and the badge. */
export async function refreshReminders(db: LocalDb, now = new Date()): Promise<void> {
  const userId = await signedInUserId(db);
  const upcoming = userId ? await dueFrom(db, userId, now, MAX_REMINDERS) : [];
  const plan = planReminderAlarms(await browser.alarms.getAll(), upcoming);
  for (const name of plan.clear) await browser.alarms.clear(name);
  for (const { name, when } of plan.create) await browser.alarms.create(name, { when });
  await refreshBadge(db, now);
}

/** The number of overdue follow-ups on the toolbar icon (nothing when none). */
export async function refreshBadge(db: LocalDb, now = new Date()): Promise<void> {
  const userId = await signedInUserId(db);
  const count = userId ? await overdueCount(db, userId, now) : 0;
  await browser.action.setBadgeBackgroundColor({ color: '#c5221f' });
  await browser.action.setBadgeText({ text: count === 0 ? '' : count > 99 ? '99+' : String(count) });
  await browser.action.setTitle({ title: count === 0 ? t('app.title') : t('reminder.badgeTitle', { count }) });
}

/** True for the alarms this module owns. */
export const isReminderAlarm = (name: string): boolean => name.startsWith(ALARM);

/** A reminder alarm fired: notify, unless the follow-up ended, moved or changed hands since. */
export async function remind(db: LocalDb, alarm: { name: string; scheduledTime: number }): Promise<void> {
  const followUp = await db.followUps.get(alarm.name.slice(ALARM.length));
  const userId = await signedInUserId(db);
  const current = followUp && followUp.status === 'open' && followUp.ownerUserId === userId && Date.parse(followUp.dueAt) === alarm.scheduledTime;
  if (followUp && current) {
    const [customer, contact] = await Promise.all([
      db.customers.get(followUp.customerId),
      followUp.contactId ? db.contacts.get(followUp.contactId) : undefined,
    ]);
    const names = { customerName: customer?.name ?? '', contactName: contact?.name ?? null };
    // Text only: notification fields are plain strings, never markup.
    await browser.notifications.create(`${NOTIFICATION}${followUp.id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: names.customerName || t('app.title'),
      message: t('reminder.message', { what: followUpTitle(followUp, names), due: formatDue(followUp.dueAt) }),
      priority: 2,
    });
  }
  await refreshBadge(db);
}

/** A click on a reminder opens its customer in a tab. */
export async function openReminder(db: LocalDb, notificationId: string): Promise<void> {
  if (!notificationId.startsWith(NOTIFICATION)) return;
  const followUp = await db.followUps.get(notificationId.slice(NOTIFICATION.length));
  await browser.notifications.clear(notificationId);
  if (followUp) openCustomerPage(followUp.customerId);
}
