import type { Queryable } from '../../database';
import { toNumber } from '../row-mapping';
import { byOwner, countedItems, CUSTOMER_COLUMNS, inPeriod, msBetween, namedQuery, OWNER_JOIN, ownerParams, paged, toRowPage, windowParams, type OwnerFilter, type Paging, type ReportWindow, type RowPage } from './report-sql';

/**
 * Service requests and complaints of the customers in scope, by the sidebar's clock
 * (shared/domain/service-clock.ts serviceClock) taken at asOf: the deadline is the item's stored
 * first_reply_due_at (received + the organisation's 24 h / 2 h); a first reply after it is late;
 * no reply by asOf and the deadline before asOf is overdue (late too). Items still running at
 * asOf are not decided yet and count in neither.
 */
const REPLIED = `(s.first_reply_at IS NOT NULL AND s.first_reply_at < :asOf::timestamptz)`;
const IN_TIME = `(${REPLIED} AND s.first_reply_at <= s.first_reply_due_at)`;
const LATE = `((${REPLIED} AND s.first_reply_at > s.first_reply_due_at) OR (NOT ${REPLIED} AND s.first_reply_due_at < :asOf::timestamptz))`;
const OPENED = inPeriod('s.received_at');
const PAST_DEADLINE = `(s.received_at < :asOf::timestamptz AND (s.closed_at IS NULL OR s.closed_at >= :asOf::timestamptz)
  AND NOT ${REPLIED} AND s.first_reply_due_at < :asOf::timestamptz)`;
const REPLY_MS = msBetween('s.first_reply_at', 's.received_at');

const FROM = 'FROM service_items s JOIN customers c ON c.id = s.customer_id';

export type ReplyCounts = { inTime: number; late: number; medianMs: number | null };
export type ServiceCounts = {
  requests: number;
  complaints: number;
  urgent: number;
  reply: { normal: ReplyCounts; urgent: ReplyCounts };
  pastDeadline: number;
};

const urgency = (u: 'normal' | 'urgent') => `(${OPENED} AND ${u === 'urgent' ? '' : 'NOT '}s.urgent)`;

export type ServiceFigure = 'opened' | 'inTime' | 'late' | 'pastDeadline';
const FIGURE_WHERE: Record<ServiceFigure, string> = { opened: OPENED, inTime: `(${OPENED} AND ${IN_TIME})`, late: `(${OPENED} AND ${LATE})`, pastDeadline: PAST_DEADLINE };

export function serviceFiguresRepository(q: Queryable) {
  return {
    async counts(w: ReportWindow): Promise<ServiceCounts> {
      const { named } = windowParams(w);
      const scoped = countedItems(w, 's');
      const reply = (u: 'normal' | 'urgent') => `
        count(*) FILTER (WHERE ${urgency(u)} AND ${IN_TIME}) AS ${u}_in_time,
        count(*) FILTER (WHERE ${urgency(u)} AND ${LATE}) AS ${u}_late,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${REPLY_MS}) FILTER (WHERE ${urgency(u)} AND ${REPLIED}) AS ${u}_median`;
      const [r = {}] = await namedQuery<Record<string, unknown>>(
        q,
        `SELECT count(*) FILTER (WHERE ${OPENED} AND s.type = 'request') AS requests,
                count(*) FILTER (WHERE ${OPENED} AND s.type = 'complaint') AS complaints,
                count(*) FILTER (WHERE ${OPENED} AND s.urgent) AS urgent,
                ${reply('normal')}, ${reply('urgent')},
                count(*) FILTER (WHERE ${PAST_DEADLINE}) AS past_deadline
           FROM service_items s ${scoped.join}
          WHERE s.org_id = :org AND s.deleted_at IS NULL AND ${scoped.where} AND (${OPENED} OR ${PAST_DEADLINE})`,
        named,
      );
      const median = (v: unknown) => (v === null || v === undefined ? null : Math.round(toNumber(v)));
      const replyOf = (u: 'normal' | 'urgent'): ReplyCounts => ({
        inTime: toNumber(r[`${u}_in_time`] ?? 0),
        late: toNumber(r[`${u}_late`] ?? 0),
        medianMs: median(r[`${u}_median`]),
      });
      return {
        requests: toNumber(r.requests ?? 0),
        complaints: toNumber(r.complaints ?? 0),
        urgent: toNumber(r.urgent ?? 0),
        reply: { normal: replyOf('normal'), urgent: replyOf('urgent') },
        pastDeadline: toNumber(r.past_deadline ?? 0),
      };
    },
    async rows(w: ReportWindow, figure: ServiceFigure, filter: OwnerFilter & { serviceType?: string; urgent?: boolean }, paging: Paging): Promise<RowPage> {
      const { named, inScope } = windowParams(w);
      const query = paged(
        `SELECT ${CUSTOMER_COLUMNS}, s.id AS item_id, s.received_at AS at, s.first_reply_due_at AS due_at, s.stage AS state,
                CASE WHEN s.urgent THEN 'urgent_' ELSE '' END || s.type AS kind, s.summary, s.satisfaction AS rating, s.feedback_tag,
                CASE WHEN ${REPLIED} THEN ${REPLY_MS} END AS duration_ms, count(*) OVER () AS total
           ${FROM} ${OWNER_JOIN}
          WHERE s.org_id = :org AND s.deleted_at IS NULL AND ${inScope} AND ${FIGURE_WHERE[figure]}
            AND ${byOwner('s.owner_user_id')} AND (:type::text IS NULL OR s.type = :type)
            AND (:urgent::boolean IS NULL OR s.urgent = :urgent)
          ORDER BY s.received_at, s.id`,
        { ...named, ...ownerParams(filter), type: filter.serviceType ?? null, urgent: filter.urgent ?? null },
        paging,
      );
      return toRowPage(await q.query(query.sql, query.params));
    },
  };
}
