import type { FollowUp } from '../schemas/follow-up';
import type { OrgSettingsFields } from '../schemas/org-settings';
import type {
  ServiceClose,
  ServiceCommit,
  ServiceCreate,
  ServiceFirstReply,
  ServiceItem,
  ServiceOptions,
  ServicePatch,
  ServiceResolve,
} from '../schemas/service-item';
import { firstReplyDueAt } from './service-clock';
import { firstReplyProblem, serviceStepProblems, stageAfter, typeChangeProblem, type ServiceProblem, type ServiceStep } from './service-workflow';
import { doneBy, reminderDaysAfter, reopenedAt, ruleFollowUp, type NewFollowUp, type RuleFollowUp } from './rule-follow-up';

/**
 * What a service change does, computed the same way in the sidebar (optimistic rows) and on the
 * server (the stored rows): the item's new fields and the follow-ups the rules make or move.
 * Inputs are the change's payload (times included), the organisation's settings and the item's
 * rule-made follow-ups, so both sides reach the same rows.
 */
export type NewServiceItem = Omit<ServiceItem, 'createdAt' | 'updatedAt' | 'version'>;
export type FollowUpWrite = { create: RuleFollowUp } | { update: { id: string; patch: Partial<NewFollowUp> } };
export type ServiceEffects = { item: Partial<NewServiceItem>; followUps: FollowUpWrite[] };
export type Planned = { ok: true; effects: ServiceEffects } | { ok: false; problems: ServiceProblem[] };

export type ServiceChange =
  | { kind: 'service.commit'; payload: ServiceCommit }
  | { kind: 'service.options'; payload: ServiceOptions }
  | { kind: 'service.resolve'; payload: ServiceResolve }
  | { kind: 'service.close'; payload: ServiceClose };

export type RuleContext = {
  userId: string;
  settings: OrgSettingsFields;
  /** The item's rule-made follow-ups (source 'complaint', sourceId = the item). */
  followUps: readonly Pick<FollowUp, 'id' | 'purpose' | 'status' | 'dueAt'>[];
};

/** A freshly logged item: the clock from the organisation's first-reply hours. */
export function newServiceItem(c: ServiceCreate, settings: OrgSettingsFields, userId: string): NewServiceItem {
  return {
    ...c,
    firstReplyDueAt: firstReplyDueAt(c.receivedAt, c.urgent, settings.sla),
    firstReplyAt: null,
    stage: 'received',
    promisedReplyAt: null,
    options: [],
    chosenOptionId: null,
    reply: null,
    result: null,
    resolvedAt: null,
    satisfaction: null,
    closedAt: null,
    createdByUserId: userId,
  };
}

/** An edit; marking it urgent (or not) moves the deadline, from the same received time. */
export function servicePatchEffects(item: ServiceItem, patch: ServicePatch, settings: OrgSettingsFields): Planned {
  const locked = patch.type === undefined ? null : typeChangeProblem(item, patch.type);
  if (locked) return { ok: false, problems: [locked] };
  const due = patch.urgent === undefined ? {} : { firstReplyDueAt: firstReplyDueAt(item.receivedAt, patch.urgent, settings.sla) };
  return { ok: true, effects: { item: { ...patch, ...due }, followUps: [] } };
}

/** The first reply; reported twice (the page, then mail ingestion), the earlier time stands. */
export function firstReplyEffects(item: ServiceItem, reply: ServiceFirstReply): Planned {
  const early = firstReplyProblem(item, reply.repliedAt);
  if (early) return { ok: false, problems: [early] };
  const earlier = item.firstReplyAt === null || Date.parse(reply.repliedAt) < Date.parse(item.firstReplyAt);
  return { ok: true, effects: { item: earlier ? { firstReplyAt: reply.repliedAt } : {}, followUps: [] } };
}

/**
 * The customer's mail it was logged from arrived before it was logged (mail ingestion knows the
 * arrival): the clock started then, and the deadline moves with it.
 */
export function clockStartEffects(item: ServiceItem, arrivedAt: string, settings: OrgSettingsFields): Planned {
  if (Date.parse(arrivedAt) >= Date.parse(item.receivedAt)) return { ok: true, effects: { item: {}, followUps: [] } };
  const fields = { receivedAt: arrivedAt, firstReplyDueAt: firstReplyDueAt(arrivedAt, item.urgent, settings.sla) };
  return { ok: true, effects: { item: fields, followUps: [] } };
}

function stepOf(change: ServiceChange, ctx: RuleContext): ServiceStep {
  switch (change.kind) {
    case 'service.commit':
      return { step: 'commit', promisedReplyAt: change.payload.promisedReplyAt };
    case 'service.options':
      return { step: 'options', options: change.payload.options, chosenOptionId: change.payload.chosenOptionId };
    case 'service.resolve':
      return { step: 'resolve', reply: change.payload.reply, result: change.payload.result };
    case 'service.close':
      return { step: 'close', returnVisits: ctx.followUps.filter((f) => f.purpose === 'complaint_return_visit') };
  }
}

/** A workflow step: refused with what is needed, or its effects. */
export async function planServiceStep(item: ServiceItem, change: ServiceChange, ctx: RuleContext): Promise<Planned> {
  const step = stepOf(change, ctx);
  const problems = serviceStepProblems(item, step);
  if (problems.length > 0) return { ok: false, problems };
  const stage = stageAfter(item, step.step);
  const promised = ctx.followUps.find((f) => f.purpose === 'complaint_promised_reply');
  const base = { customerId: item.customerId, contactId: item.contactId, ownerUserId: item.ownerUserId, source: 'complaint' as const, sourceId: item.id };
  switch (change.kind) {
    case 'service.commit': {
      // "Reply at that time whatever the progress": one reminder per complaint, moved (and
      // opened again) by every new promise.
      const at = change.payload.promisedReplyAt;
      const write: FollowUpWrite = promised
        ? { update: { id: promised.id, patch: reopenedAt(at) } }
        : { create: await ruleFollowUp({ ...base, purpose: 'complaint_promised_reply', dueAt: at }) };
      return { ok: true, effects: { item: { promisedReplyAt: at, stage }, followUps: [write] } };
    }
    case 'service.options':
      return { ok: true, effects: { item: { options: change.payload.options, chosenOptionId: change.payload.chosenOptionId, stage }, followUps: [] } };
    case 'service.resolve': {
      const r = change.payload;
      const followUps: FollowUpWrite[] = [];
      // The resolution is the promised answer: its reminder is done.
      if (promised?.status === 'open') followUps.push({ update: { id: promised.id, patch: doneBy(ctx.userId, r.resolvedAt) } });
      if (item.type === 'complaint') {
        const days = ctx.settings.complaints.returnVisitDays;
        for (const [n, d] of days.entries()) {
          const dueAt = reminderDaysAfter(r.resolvedAt, d, ctx.settings);
          followUps.push({ create: await ruleFollowUp({ ...base, purpose: 'complaint_return_visit', n: n + 1, dueAt }) });
        }
      }
      const next: Partial<NewServiceItem> = {
        reply: r.reply,
        result: r.result,
        resolvedAt: r.resolvedAt,
        satisfaction: r.satisfaction ?? item.satisfaction,
        feedbackTag: r.feedbackTag ?? item.feedbackTag,
        // The resolution is a reply too: it stops a clock nobody stopped before.
        firstReplyAt: item.firstReplyAt ?? r.resolvedAt,
        stage,
      };
      return { ok: true, effects: { item: next, followUps } };
    }
    case 'service.close':
      return { ok: true, effects: { item: { stage, closedAt: change.payload.closedAt }, followUps: [] } };
  }
}

/** Every change to an existing item, as its mutation carries it. */
export type ServiceItemChange =
  | ServiceChange
  | { kind: 'service.update'; payload: { id: string; patch: ServicePatch } }
  | { kind: 'service.firstReply'; payload: ServiceFirstReply };

/** The one entry point both sides call for a change to an existing item. */
export function planServiceChange(item: ServiceItem, change: ServiceItemChange, ctx: RuleContext): Promise<Planned> | Planned {
  switch (change.kind) {
    case 'service.update':
      return servicePatchEffects(item, change.payload.patch, ctx.settings);
    case 'service.firstReply':
      return firstReplyEffects(item, change.payload);
    default:
      return planServiceStep(item, change, ctx);
  }
}
