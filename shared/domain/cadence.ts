import type { CustomerClass } from '../schemas/customer';
import { DEFAULT_ORG_SETTINGS } from '../schemas/org-settings';
import type { TimelineKind } from '../schemas/timeline';

/**
 * Contact cadences per class (DOMAIN.md "Classification and value"): the longest a customer may
 * go without a touch, and between visits. Defaults; an organisation changes them in its settings.
 */
export type Cadence = { touchDays: number; visitDays: number };
export type Cadences = Record<CustomerClass, Cadence>;

export const DEFAULT_CADENCES: Cadences = DEFAULT_ORG_SETTINGS.cadences;

/** "Touch" = any logged email, call or meeting with the customer (a visit is a meeting). */
export const TOUCH_KINDS: ReadonlySet<TimelineKind> = new Set(['email', 'call', 'meeting', 'visit']);

/** What the visit cadence counts: a calendar meeting with the customer is a visit too (seeds FUP-02). */
export const VISIT_KINDS: ReadonlySet<TimelineKind> = new Set(['meeting', 'visit']);

export function isTouch(kind: TimelineKind): boolean {
  return TOUCH_KINDS.has(kind);
}

/**
 * A touch or visit counts once it has happened, i.e. occurred before `now`: a meeting imported
 * from a calendar that is still to come is not a touch yet (else a class-A customer with a
 * meeting booked two months ahead would look touched, and get no follow-up, until then). Before,
 * not at: the dashboard takes its state at a period's exclusive end, and an item stamped exactly
 * then (an all-day meeting at 00:00 on the 1st) belongs to the next period. The sidebar, the
 * cadence engine and the dashboard all apply this; their SQL says `occurred_at < now` with the
 * caller's `now`, never the database clock.
 */
export function hasHappened(occurredAt: string, now: Date): boolean {
  return Date.parse(occurredAt) < now.getTime();
}

export function isTouchAt(kind: TimelineKind, occurredAt: string, now: Date): boolean {
  return isTouch(kind) && hasHappened(occurredAt, now);
}

/** The newest touch that has happened by `now`, as stored, or null: the input of dormancyOf. */
export function lastTouchAt(items: Iterable<{ kind: TimelineKind; occurredAt: string }>, now: Date): string | null {
  let newest: { at: string; ms: number } | null = null;
  for (const item of items) {
    if (!isTouchAt(item.kind, item.occurredAt, now)) continue;
    // Instants may carry different offsets, so compare parsed times, not the strings.
    const ms = Date.parse(item.occurredAt);
    if (!newest || ms > newest.ms) newest = { at: item.occurredAt, ms };
  }
  return newest?.at ?? null;
}

export type Dormancy =
  | { status: 'unclassified' }
  | { status: 'active' | 'dormant'; allowedDays: number; daysSinceTouch: number; lastTouchAt: string | null };

const DAY_MS = 86_400_000;

/**
 * Dormant / churn risk: no touch for longer than the class cadence allows. A customer never
 * touched counts from when it was created, so a new customer is not flagged on day one. The
 * same function runs in the sidebar and on the server, so both always agree.
 */
export function dormancyOf(
  customer: { customerClass: CustomerClass | null; createdAt: string },
  lastTouchAt: string | null,
  now: Date,
  cadences: Cadences = DEFAULT_CADENCES,
): Dormancy {
  if (!customer.customerClass) return { status: 'unclassified' };
  const allowedDays = cadences[customer.customerClass].touchDays;
  const since = Date.parse(lastTouchAt ?? customer.createdAt);
  const daysSinceTouch = Math.max(0, Math.floor((now.getTime() - since) / DAY_MS));
  const overdue = now.getTime() - since > allowedDays * DAY_MS;
  return { status: overdue ? 'dormant' : 'active', allowedDays, daysSinceTouch, lastTouchAt };
}

/** DOMAIN.md: business volume above 200,000 CNY, or a score at or above the portfolio average. */
export const KEY_ACCOUNT_VOLUME_CNY = 200_000;

export function meetsKeyAccountCriteria(
  customer: { keyAccountScore: number | null; valueCard: { currency: string; cumulativeAmount: number | null } },
  portfolioAverageScore: number | null,
): boolean {
  const { currency, cumulativeAmount } = customer.valueCard;
  if (currency === 'CNY' && cumulativeAmount !== null && cumulativeAmount > KEY_ACCOUNT_VOLUME_CNY) return true;
  const score = customer.keyAccountScore;
  return score !== null && portfolioAverageScore !== null && score >= portfolioAverageScore;
}
