import { v7 as uuidv7 } from 'uuid';
import { visitReportEffects, visitStepProblem, withUniquePeople, type VisitStep } from '../../../shared/domain/visit-rules';
import type { MutationInput } from '../../../shared/schemas/sync';
import type { Visit, VisitPlanInput } from '../../../shared/schemas/visit';
import type { LocalDb, SideRow } from '../db';
import { getMeta } from '../meta';
import { orgSettingsOf } from '../queries/org-settings';
import { MissingRowError } from './invalid-values';
import { outboxEntry } from './outbox-entry';
import { RuleRefusal } from './rule-refusal';
import { putSideRow, writeFollowUpsLocally } from './side-rows';

async function me(db: LocalDb) {
  const session = await getMeta(db, 'session');
  if (!session) throw new Error('signed out: sign in to plan and report visits');
  return { userId: session.userId, role: (await db.members.get(session.userId))?.role };
}

/** Owner and our people default to whoever plans it. */
export type PlanVisitInput = Omit<VisitPlanInput, 'id' | 'ownerUserId'> & { ownerUserId?: string };

/** A visit plan + visit.plan, in one transaction. */
export async function planVisit(db: LocalDb, input: PlanVisitInput): Promise<string> {
  const now = new Date().toISOString();
  const { userId } = await me(db);
  const id = uuidv7();
  const ownerUserId = input.ownerUserId ?? userId;
  const payload = { ...input, id, ownerUserId, userIds: input.userIds?.length ? input.userIds : [ownerUserId] };
  const entry = outboxEntry({ id: uuidv7(), kind: 'visit.plan', baseVersion: null, payload }, 'visit', id, now);
  if (entry.mutation.kind !== 'visit.plan') throw new Error('unreachable');
  const p = entry.mutation.payload;
  const row: Visit = {
    ...withUniquePeople(p),
    status: 'planned',
    firstMeeting: null,
    report: null,
    review: null,
    createdByUserId: userId,
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
  await db.transaction('rw', [db.customers, db.visits, db.outbox], async () => {
    if (!(await db.customers.get(p.customerId))) throw new MissingRowError('customer', p.customerId);
    await db.visits.add(row);
    // No row before: a refused plan, once dismissed, leaves (its kind does not end in .create).
    await db.outbox.add({ ...entry, previousRow: null });
  });
  return id;
}

type VisitKind = 'visit.update' | 'visit.cancel' | 'visit.report' | 'visit.review';
export type VisitChangeInput = {
  [K in VisitKind]: { kind: K; payload: Omit<Extract<MutationInput, { kind: K }>['payload'], 'id'> };
}[VisitKind];

const STEP: Record<VisitKind, VisitStep> = { 'visit.update': 'update', 'visit.cancel': 'cancel', 'visit.report': 'report', 'visit.review': 'review' };

/**
 * An edit, cancellation, report or review, checked by the shared rules first (RuleRefusal).
 * A report also writes what the server will: the visit on the timeline, the customer's newest
 * need and feedback, and the thank-you / proposal follow-ups (derived ids).
 */
export async function changeVisit(db: LocalDb, id: string, change: VisitChangeInput): Promise<void> {
  const now = new Date().toISOString();
  const { userId, role } = await me(db);
  const visit = await db.visits.get(id);
  if (!visit) throw new MissingRowError('visit', id);
  const entry = outboxEntry({ id: uuidv7(), kind: change.kind, baseVersion: visit.version, payload: { ...change.payload, id } } as MutationInput, 'visit', id, now);
  const m = entry.mutation;
  const heldAt = m.kind === 'visit.report' ? m.payload.heldAt : undefined;
  const problem = visitStepProblem(visit, STEP[change.kind], { role, heldAt, reportedAt: now });
  if (problem) throw new RuleRefusal([problem]);
  const [settings, customer] = await Promise.all([orgSettingsOf(db), db.customers.get(visit.customerId)]);
  if (!customer) throw new MissingRowError('customer', visit.customerId);
  const report = m.kind === 'visit.report' ? await visitReportEffects(visit, m.payload, { userId, settings, needs: customer.needs }) : null;
  await db.transaction('rw', [db.visits, db.timeline, db.followUps, db.customers, db.outbox], async () => {
    const current = await db.visits.get(id);
    if (!current) throw new MissingRowError('visit', id);
    let next: Visit = { ...current, updatedAt: now };
    const sideRows: SideRow[] = [];
    if (m.kind === 'visit.update') next = { ...next, ...withUniquePeople(m.payload.patch) };
    if (m.kind === 'visit.cancel') next.status = 'cancelled';
    if (m.kind === 'visit.review') next.review = { reviewerUserId: userId, comment: m.payload.comment, reviewedAt: m.payload.reviewedAt };
    if (report) {
      next = { ...next, ...report.visit };
      sideRows.push(await putSideRow(db, 'timeline', (await db.timeline.get(report.timelineItem.id)) ?? null, { ...report.timelineItem, createdAt: now }));
      sideRows.push(...(await writeFollowUpsLocally(db, report.followUps.map((create) => ({ create })), now)));
      const owner = await db.customers.get(visit.customerId);
      if (owner && Object.keys(report.needs).length > 0) {
        sideRows.push(await putSideRow(db, 'customers', owner, { ...owner, needs: { ...owner.needs, ...report.needs }, updatedAt: now }));
      }
    }
    await db.visits.put(next);
    await db.outbox.add({ ...entry, previousRow: current, sideRows });
  });
}
