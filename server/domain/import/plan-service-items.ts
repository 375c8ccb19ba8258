import type { RuleFollowUp } from '../../../shared/domain/rule-follow-up';
import { firstReplyEffects, newServiceItem, planServiceStep, type NewServiceItem, type Planned } from '../../../shared/domain/service-effects';
import type { ImportRowError } from '../../../shared/schemas/import';
import type { OrgSettingsFields } from '../../../shared/schemas/org-settings';
import { serviceCreateSchema, type ServiceItem } from '../../../shared/schemas/service-item';
import { newId } from './new-ids';
import { rowError } from './read-rows';
import { rowOwner, type contactLinker, type PlacedRow } from './row-customer';

type Context = {
  contactsOf: ReturnType<typeof contactLinker>;
  importerId: string;
  /** Active members: an owner the file does not name falls back to the customer's owner only if active. */
  activeMemberIds: ReadonlySet<string>;
  settings: OrgSettingsFields;
  now: number;
  headerOf: (target: string) => string | null;
};

/** A received time may run a little ahead of the server's clock; days ahead is a wrong cell. */
const CLOCK_SKEW_MS = 10 * 60_000;

/**
 * Pass 2 (cut-over), issue 4B: each row with a request or complaint becomes an open one, its
 * first-reply clock started when it was received (the organisation's hours, urgent or not), by
 * the same shared rules the sidebar and the server apply: a promised reply time makes it a
 * committed complaint with its reminder, a first reply time stops its clock. What a rule
 * refuses is the row's error, named by column.
 */
export async function planServiceItems(rows: readonly PlacedRow[], ctx: Context) {
  const creates: NewServiceItem[] = [];
  const followUps: RuleFollowUp[] = [];
  const errors: ImportRowError[] = [];
  let overdue = 0;
  const { settings } = ctx;
  for (const placed of rows) {
    const v = placed.service;
    if (!v) continue;
    const fail = (target: string, message: string) => errors.push(rowError(placed.row, ctx.headerOf(target), message));
    if (Date.parse(v.receivedAt) > ctx.now + CLOCK_SKEW_MS) {
      fail('service.receivedAt', 'the received time is in the future');
      continue;
    }
    const customerId = placed.known.id;
    const owner = rowOwner(v.ownerUserId, placed.known, ctx.activeMemberIds, ctx.importerId);
    const create = serviceCreateSchema.parse({
      id: newId(),
      customerId,
      contactId: ctx.contactsOf(placed, customerId)[0] ?? null,
      type: v.type,
      urgent: v.urgent,
      channel: v.channel,
      ownerUserId: owner,
      summary: v.summary,
      receivedAt: v.receivedAt,
    });
    let item: ServiceItem = { ...newServiceItem(create, settings, ctx.importerId), createdAt: v.receivedAt, updatedAt: v.receivedAt, version: 1 };
    const refusal = (planned: Planned) => (planned.ok ? null : planned.problems.map((p) => p.message).join(' '));
    let made: RuleFollowUp[] = [];
    if (v.promisedReplyAt !== null) {
      const commit = { kind: 'service.commit' as const, payload: { id: item.id, promisedReplyAt: v.promisedReplyAt } };
      const planned = await planServiceStep(item, commit, { userId: ctx.importerId, settings, followUps: [] });
      if (!planned.ok) {
        fail('service.promisedReplyAt', refusal(planned)!);
        continue;
      }
      item = { ...item, ...planned.effects.item };
      made = planned.effects.followUps.flatMap((write) => ('create' in write ? [write.create] : []));
    }
    if (v.firstReplyAt !== null) {
      const planned = firstReplyEffects(item, { id: item.id, repliedAt: v.firstReplyAt, messageId: null });
      if (!planned.ok) {
        fail('service.firstReplyAt', refusal(planned)!);
        continue;
      }
      item = { ...item, ...planned.effects.item };
    }
    const { createdAt: _c, updatedAt: _u, version: _v, ...row } = item;
    creates.push(row);
    followUps.push(...made);
    if (item.firstReplyAt === null && Date.parse(item.firstReplyDueAt) < ctx.now) overdue++;
  }
  return { creates, followUps, errors, overdue };
}
