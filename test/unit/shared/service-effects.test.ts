import { describe, expect, it } from 'vitest';
import { firstReplyEffects, newServiceItem, planServiceStep, servicePatchEffects } from '../../../shared/domain/service-effects';
import { DEFAULT_ORG_SETTINGS, type OrgSettingsFields } from '../../../shared/schemas/org-settings';
import { serviceCreateSchema, type ServiceItem } from '../../../shared/schemas/service-item';

const USER = '01936b2e-7c4a-7d1e-9b5f-2a3c4d5e6f71';
const settings: OrgSettingsFields = { ...DEFAULT_ORG_SETTINGS, timeZone: 'Asia/Shanghai', reminderHour: 9 };

function complaint(over: Partial<ServiceItem> = {}): ServiceItem {
  const created = serviceCreateSchema.parse({
    id: '01936b2e-7c4a-7d1e-9b5f-2a3c4d5e6f01',
    customerId: '01936b2e-7c4a-7d1e-9b5f-2a3c4d5e6f02',
    type: 'complaint',
    channel: 'email',
    ownerUserId: USER,
    summary: '交货延迟两周',
    receivedAt: '2026-12-03T10:00:00+08:00',
  });
  return { ...newServiceItem(created, settings, USER), createdAt: created.receivedAt, updatedAt: created.receivedAt, version: 1, ...over };
}
const ctx = (followUps: { id: string; purpose: 'complaint_promised_reply' | 'complaint_return_visit'; status: 'open' | 'done' | 'skipped'; dueAt: string }[] = []) => ({
  userId: USER,
  settings,
  followUps,
});

describe('service effects: the rows a service change makes, the same on both sides', () => {
  it('SLA clock on a new item: due from the settings, urgent or not; toggling urgent moves the deadline', () => {
    const item = complaint();
    expect(item.firstReplyDueAt).toBe('2026-12-04T02:00:00.000Z');
    expect(item.stage).toBe('received');
    const urgent = servicePatchEffects(item, { urgent: true }, settings);
    expect(urgent).toEqual({ ok: true, effects: { item: { urgent: true, firstReplyDueAt: '2026-12-03T04:00:00.000Z' }, followUps: [] } });
    const summary = servicePatchEffects(item, { summary: '包装破损' }, settings);
    expect(summary.ok && summary.effects.item).toEqual({ summary: '包装破损' });
  });

  it('first reply: the earlier report stands; a reply before the complaint is refused', () => {
    const item = complaint();
    expect(firstReplyEffects(item, { id: item.id, repliedAt: '2026-12-03T03:00:00Z', messageId: null })).toEqual({
      ok: true,
      effects: { item: { firstReplyAt: '2026-12-03T03:00:00Z' }, followUps: [] },
    });
    const replied = complaint({ firstReplyAt: '2026-12-03T03:00:00.000Z' });
    expect(firstReplyEffects(replied, { id: item.id, repliedAt: '2026-12-03T05:00:00Z', messageId: 'm2' })).toEqual({ ok: true, effects: { item: {}, followUps: [] } });
    expect(firstReplyEffects(replied, { id: item.id, repliedAt: '2026-12-03T02:30:00Z', messageId: null })).toMatchObject({ ok: true, effects: { item: { firstReplyAt: '2026-12-03T02:30:00Z' } } });
    expect(firstReplyEffects(item, { id: item.id, repliedAt: '2026-12-03T01:59:00Z', messageId: null })).toMatchObject({ ok: false, problems: [{ code: 'reply_before_received' }] });
  });

  it('complaint commit makes the promised-reply follow-up at the promised time, with a derived id; a new promise moves it', async () => {
    const item = complaint();
    const first = await planServiceStep(item, { kind: 'service.commit', payload: { id: item.id, promisedReplyAt: '2026-12-04T08:00:00.000Z' } }, ctx());
    if (!first.ok) throw new Error('refused');
    expect(first.effects.item).toEqual({ promisedReplyAt: '2026-12-04T08:00:00.000Z', stage: 'committed' });
    const [write] = first.effects.followUps;
    if (!write || !('create' in write)) throw new Error('expected a new follow-up');
    expect(write.create.row).toMatchObject({
      purpose: 'complaint_promised_reply',
      source: 'complaint',
      sourceId: item.id,
      dueAt: '2026-12-04T08:00:00.000Z',
      ownerUserId: USER,
      status: 'open',
      createdByUserId: null,
    });
    expect(write.create.dedupeKey).toBe(`complaint_promised_reply:${item.id}:0`);
    // The same change computed again (server, another device) names the same row.
    const again = await planServiceStep(item, { kind: 'service.commit', payload: { id: item.id, promisedReplyAt: '2026-12-04T08:00:00.000Z' } }, ctx());
    expect(again.ok && again.effects.followUps[0]).toEqual(write);

    const promisedId = write.create.row.id;
    const moved = await planServiceStep(
      { ...item, stage: 'committed' },
      { kind: 'service.commit', payload: { id: item.id, promisedReplyAt: '2026-12-05T08:00:00.000Z' } },
      ctx([{ id: promisedId, purpose: 'complaint_promised_reply', status: 'done', dueAt: '2026-12-04T08:00:00.000Z' }]),
    );
    expect(moved.ok && moved.effects.followUps).toEqual([
      {
        update: {
          id: promisedId,
          patch: { dueAt: '2026-12-05T08:00:00.000Z', status: 'open', completedAt: null, completedByUserId: null, outcome: null, closedBy: null, satisfaction: null },
        },
      },
    ]);
  });

  it('complaint resolve: return visits after the configured days at the reminder hour in the org zone, the promise done, the clock stopped', async () => {
    const item = complaint({ stage: 'options', chosenOptionId: 'o1', options: [{ id: 'o1', text: 'a' }] });
    const promised = { id: '01936b2e-7c4a-7d1e-9b5f-2a3c4d5e6f99', purpose: 'complaint_promised_reply' as const, status: 'open' as const, dueAt: '2026-12-04T08:00:00.000Z' };
    // 23:30 in Shanghai on Dec 5 is still Dec 5 there (15:30 UTC): day 3 is Dec 8, day 14 Dec 19, at 09:00 +08:00.
    const resolvedAt = '2026-12-05T15:30:00.000Z';
    const planned = await planServiceStep(
      item,
      { kind: 'service.resolve', payload: { id: item.id, reply: '已致电说明', result: '补发 200 件', satisfaction: 4, feedbackTag: 'complaint', resolvedAt } },
      ctx([promised]),
    );
    if (!planned.ok) throw new Error(JSON.stringify(planned.problems));
    expect(planned.effects.item).toEqual({
      reply: '已致电说明',
      result: '补发 200 件',
      resolvedAt,
      satisfaction: 4,
      feedbackTag: 'complaint',
      firstReplyAt: resolvedAt,
      stage: 'return_visit',
    });
    const [done, ...visits] = planned.effects.followUps;
    expect(done).toEqual({ update: { id: promised.id, patch: { status: 'done', completedAt: resolvedAt, completedByUserId: USER, closedBy: 'user' } } });
    const rows = visits.map((w) => ('create' in w ? w.create : null));
    expect(rows.map((r) => [r?.row.purpose, r?.row.dueAt, r?.dedupeKey])).toEqual([
      ['complaint_return_visit', '2026-12-08T01:00:00.000Z', `complaint_return_visit:${item.id}:1`],
      ['complaint_return_visit', '2026-12-19T01:00:00.000Z', `complaint_return_visit:${item.id}:2`],
    ]);
    expect(new Set(rows.map((r) => r?.row.id)).size).toBe(2);
  });

  it('complaint resolve in another org zone: the day boundary is the zone’s, not UTC’s', async () => {
    const item = complaint({ stage: 'options', chosenOptionId: 'o1' });
    const berlin = { ...settings, timeZone: 'Europe/Berlin', complaints: { returnVisitDays: [1] } };
    // 2026-12-05T23:30Z is already Dec 6 in Berlin (UTC+1): the next day is Dec 7, 09:00 = 08:00Z.
    const planned = await planServiceStep(
      item,
      { kind: 'service.resolve', payload: { id: item.id, reply: 'r', result: 'x', satisfaction: null, feedbackTag: null, resolvedAt: '2026-12-05T23:30:00.000Z' } },
      { ...ctx(), settings: berlin },
    );
    expect(planned.ok && planned.effects.followUps.map((w) => ('create' in w ? w.create.row.dueAt : null))).toEqual(['2026-12-07T08:00:00.000Z']);
  });

  it('request resolve makes no return visits; a complaint resolve without a result is refused and writes nothing', async () => {
    const request = complaint({ type: 'request' });
    const planned = await planServiceStep(
      request,
      { kind: 'service.resolve', payload: { id: request.id, reply: '已答复', result: '已解释', satisfaction: null, feedbackTag: null, resolvedAt: '2026-12-03T05:00:00Z' } },
      ctx(),
    );
    expect(planned.ok && planned.effects).toMatchObject({ item: { stage: 'resolved' }, followUps: [] });
    const refused = await planServiceStep(
      complaint({ stage: 'options', chosenOptionId: 'o1' }),
      { kind: 'service.resolve', payload: { id: request.id, reply: '已答复', result: '', satisfaction: null, feedbackTag: null, resolvedAt: '2026-12-03T05:00:00Z' } },
      ctx(),
    );
    expect(refused).toEqual({ ok: false, problems: [{ code: 'result_required', field: 'result', message: 'Record the result: what was done.' }] });
  });

  it('close looks at the return visits only', async () => {
    const item = complaint({ stage: 'return_visit' });
    const visits = [
      { id: 'a', purpose: 'complaint_return_visit' as const, status: 'done' as const, dueAt: '2026-12-08T01:00:00.000Z' },
      { id: 'b', purpose: 'complaint_return_visit' as const, status: 'open' as const, dueAt: '2026-12-19T01:00:00.000Z' },
      { id: 'c', purpose: 'complaint_promised_reply' as const, status: 'open' as const, dueAt: '2026-12-04T01:00:00.000Z' },
    ];
    const close = { kind: 'service.close' as const, payload: { id: item.id, closedAt: '2026-12-20T01:00:00Z' } };
    expect(await planServiceStep(item, close, ctx(visits))).toMatchObject({ ok: false, problems: [{ code: 'return_visits_open', params: { count: 1 } }] });
    const closed = await planServiceStep(item, close, ctx([visits[0]!, { ...visits[1]!, status: 'skipped' }, visits[2]!]));
    expect(closed).toEqual({ ok: true, effects: { item: { stage: 'closed', closedAt: '2026-12-20T01:00:00Z' }, followUps: [] } });
  });
});
