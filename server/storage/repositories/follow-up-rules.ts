import type { CadenceFacts } from '../../../shared/domain/cadence-rule';
import type { CustomerClass } from '../../../shared/schemas/customer';
import type { Queryable } from '../database';
import { toIso, toIsoOrNull } from './row-mapping';
import { TOUCH_KINDS_SQL, VISIT_KINDS_SQL } from './touch-kinds-sql';

/**
 * What the follow-up rules (cadence, care, "customer replied") read: one query per rule and
 * organisation, so a job run costs a few statements however many customers there are. Only
 * live customers with an active owner: a rule-made follow-up needs someone to do it. Ordered
 * by id, so two runs at once take row locks in the same order and cannot deadlock.
 */
export type OwnedFacts = { ownerUserId: string };
export type CareCustomer = { customerId: string; ownerUserId: string };
export type BirthdayContact = CareCustomer & { contactId: string; birthday: string };

const OWNED = `c.org_id = $1 AND c.deleted_at IS NULL AND c.owner_user_id IS NOT NULL
  AND EXISTS (SELECT 1 FROM users u WHERE u.id = c.owner_user_id AND u.deactivated_at IS NULL)`;

// Only what has happened by the job's `now` ($2; shared/domain/cadence.ts hasHappened): a meeting
// booked for next month is no touch yet. The passed-in instant, not the database clock.
const newest = (kinds: string) =>
  `(SELECT max(t.occurred_at) FROM timeline_items t
     WHERE t.customer_id = c.id AND t.deleted_at IS NULL AND t.kind IN (${kinds}) AND t.occurred_at < $2::timestamptz)`;
const ended = (purpose: string) =>
  `(SELECT max(f.completed_at) FROM follow_ups f
     WHERE f.customer_id = c.id AND f.purpose = '${purpose}' AND f.status <> 'open' AND f.deleted_at IS NULL)`;

type CadenceRaw = {
  id: string;
  customer_class: CustomerClass;
  owner_user_id: string;
  created_at: unknown;
  last_touch_at: unknown;
  last_visit_at: unknown;
  touch_ended_at: unknown;
  visit_ended_at: unknown;
};

export function followUpRulesRepository(q: Queryable) {
  return {
    /** Every classified, owned customer with its newest touch and visit before `now`, and ended cadence follow-ups. */
    async cadenceFacts(orgId: string, now: Date): Promise<(CadenceFacts & OwnedFacts)[]> {
      const rows = await q.query<CadenceRaw>(
        `SELECT c.id, c.customer_class, c.owner_user_id, c.created_at,
                ${newest(TOUCH_KINDS_SQL)} AS last_touch_at,
                ${newest(VISIT_KINDS_SQL)} AS last_visit_at,
                ${ended('cadence_touch')} AS touch_ended_at,
                ${ended('cadence_visit')} AS visit_ended_at
           FROM customers c
          WHERE ${OWNED} AND c.customer_class IS NOT NULL
          ORDER BY c.id`,
        [orgId, now.toISOString()],
      );
      return rows.map((r) => ({
        customerId: r.id,
        customerClass: r.customer_class,
        ownerUserId: r.owner_user_id,
        createdAt: toIso(r.created_at),
        lastTouchAt: toIsoOrNull(r.last_touch_at),
        lastVisitAt: toIsoOrNull(r.last_visit_at),
        lastEndedAt: { touch: toIsoOrNull(r.touch_ended_at), visit: toIsoOrNull(r.visit_ended_at) },
      }));
    },
    /** Owned customers of the care classes (holiday greetings go to each). */
    async careCustomers(orgId: string, classes: CustomerClass[]): Promise<CareCustomer[]> {
      const rows = await q.query<{ id: string; owner_user_id: string }>(
        `SELECT c.id, c.owner_user_id FROM customers c WHERE ${OWNED} AND c.customer_class = ANY($2::text[]) ORDER BY c.id`,
        [orgId, classes],
      );
      return rows.map((r) => ({ customerId: r.id, ownerUserId: r.owner_user_id }));
    },
    /** Live contacts with a birthday, of owned customers of the care classes. */
    async birthdayContacts(orgId: string, classes: CustomerClass[]): Promise<BirthdayContact[]> {
      const rows = await q.query<{ id: string; customer_id: string; owner_user_id: string; birthday: string }>(
        `SELECT k.id, k.customer_id, c.owner_user_id, k.birthday
           FROM contacts k JOIN customers c ON c.id = k.customer_id
          WHERE ${OWNED} AND c.customer_class = ANY($2::text[]) AND k.deleted_at IS NULL AND k.birthday IS NOT NULL
          ORDER BY k.id`,
        [orgId, classes],
      );
      return rows.map((r) => ({ contactId: r.id, customerId: r.customer_id, ownerUserId: r.owner_user_id, birthday: r.birthday }));
    },
    /** The organisation's members' addresses: "our side" of a conversation. */
    async memberEmails(orgId: string): Promise<string[]> {
      const rows = await q.query<{ email: string }>('SELECT email FROM users WHERE org_id = $1', [orgId]);
      return rows.map((r) => r.email);
    },
  };
}
