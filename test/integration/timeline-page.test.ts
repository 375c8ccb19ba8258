import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareTimelineNewestFirst } from '../../shared/domain/timeline-order';
import { timelinePageSchema, type TimelinePageInput } from '../../shared/schemas/timeline-page';
import type { TimelineItem, TimelineKind } from '../../shared/schemas/timeline';
import { FakeGoogle } from '../fakes/fake-google';
import type { Actor, Caller } from './support/actors';
import { arrange } from './support/arrange';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { newId } from './support/ids';
import { connectAccount, ingestAll, ingestionServices } from './support/ingestion';
import { m, outcomes } from './support/mutations';
import { orgWorld, type PersonName } from './support/org-world';
import { pullAll, rowsOf } from './support/pull';
import { timelineItem } from './support/records';

/**
 * `timeline.page`: a customer's timeline from the server, page by page, newest first. It must
 * give each item exactly once in the shared order (ties on the time included), refuse cursors
 * made for something else, and show each person exactly what the pull gives them (one rule).
 */
let fake: FakeGoogle;
beforeAll(async () => {
  fake = await new FakeGoogle().start();
});
afterAll(() => fake.close());

/** Every page from the start; the parsed items in page order. */
async function pageAll(api: Caller, input: Omit<TimelinePageInput, 'cursor'>) {
  const items: TimelineItem[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = timelinePageSchema.parse(await api.timeline.page({ ...input, cursor }));
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor !== null);
  return { items, pages };
}

const messageOf = (p: Promise<unknown>) => p.then(() => 'answered', (e: { code?: string; message: string }) => `${e.code}: ${e.message}`);

describe.each(databaseKinds)('timeline pages on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    /** A customer of the East rep with `count` items on a handful of instants (many ties). */
    async function busyCustomer(t: ReturnType<typeof testDb>, owner: Actor, count: number) {
      const customer = m.createCustomer('忙碌客户 Busy Co');
      expect(outcomes(await (await owner.api()).sync.push({ mutations: [customer] }))).toEqual(['applied']);
      const id = customer.payload.id;
      const kinds: TimelineKind[] = ['call', 'note', 'email', 'meeting'];
      const rows = Array.from({ length: count }, (_, i) =>
        // Five instants, the last to the microsecond: pages must not lose or repeat tied rows.
        timelineItem(owner.userId, id, { kind: kinds[i % 4]!, occurredAt: `2026-0${1 + (i % 5)}-15T08:00:00.000Z`, summary: `事项 ${i}` }),
      );
      await t.store.transaction(async (repos) => {
        for (const row of rows) await repos.timelineItems.insert(owner.orgId, row);
      });
      await t.db.query(`UPDATE timeline_items SET occurred_at = '2026-05-15T08:00:00.123456Z' WHERE customer_id = $1 AND occurred_at = '2026-05-15T08:00:00Z'`, [id]);
      return { id, ids: rows.map((r) => r.id) };
    }

    it('pages through every item exactly once, newest first, ties broken by id, with and without a kinds filter', async () => {
      const t = testDb();
      const w = await orgWorld(t.services);
      const busy = await busyCustomer(t, w.eastRep, 53);
      const api = await w.eastRep.api();
      const all = await pageAll(api, { customerId: busy.id, limit: 7 });
      expect(all.pages).toBe(8);
      expect(all.items.map((i) => i.id).sort()).toEqual([...busy.ids].sort());
      expect(all.items.map((i) => i.id)).toEqual([...all.items].sort(compareTimelineNewestFirst).map((i) => i.id));
      expect(all.items[0]!.occurredAt).toBe('2026-05-15T08:00:00.123Z');
      // One page of everything is the same order.
      const one = timelinePageSchema.parse(await api.timeline.page({ customerId: busy.id, limit: 200 }));
      expect(one.items.map((i) => i.id)).toEqual(all.items.map((i) => i.id));
      expect(one.nextCursor).toBeNull();

      const calls = await pageAll(api, { customerId: busy.id, limit: 4, kinds: ['call', 'meeting'] });
      expect(calls.items.map((i) => i.id)).toEqual(all.items.filter((i) => i.kind === 'call' || i.kind === 'meeting').map((i) => i.id));
    });

    it('shows each person exactly what their pull gives them; a customer they may not see is not found', async () => {
      const t = testDb();
      const w = await orgWorld(t.services);
      const a = await arrange(t, w);
      const people: PersonName[] = ['admin', 'eastManager', 'eastRep', 'eastRep2', 'westRep', 'accountManager', 'supportLead'];
      const seen: Record<string, string[] | string> = {};
      for (const name of people) {
        const api = await w[name].api();
        const pulled = rowsOf((await pullAll(api)).changes, 'timelineItem').filter((i) => i.customerId === a.east);
        const answer = await messageOf(api.timeline.page({ customerId: a.east }));
        if (answer !== 'answered') {
          seen[name] = answer;
          expect(pulled).toEqual([]);
          continue;
        }
        const paged = await pageAll(api, { customerId: a.east, limit: 1 });
        expect(paged.items).toEqual([...pulled].sort(compareTimelineNewestFirst));
        const names = new Map(Object.entries(a.ids).map(([k, v]) => [v, k]));
        seen[name] = paged.items.map((i) => names.get(i.id) ?? i.id).sort();
      }
      const notFound = 'NOT_FOUND: customer not found';
      expect(seen).toEqual({
        admin: ['call', 'meeting', 'note'],
        eastManager: ['call', 'meeting', 'note'],
        // The private note is its author's alone.
        eastRep: ['call', 'meeting', 'note', 'privateNote'],
        eastRep2: notFound,
        westRep: notFound,
        accountManager: notFound,
        // Service history only: the call, not the note or the meeting.
        supportLead: ['call'],
      });
      // Hidden and missing look the same.
      expect(await messageOf((await w.westRep.api()).timeline.page({ customerId: newId() }))).toBe(notFound);
    });

    it('imported mail follows its mailbox sharing: nothing, the subject, then the body', async () => {
      const t = testDb();
      const { services } = ingestionServices(t.store, { google: fake.url });
      const w = await orgWorld(services);
      const east = m.createCustomer('East Co', { emailDomains: ['east.example'] });
      const repApi = await w.eastRep.api();
      expect(outcomes(await repApi.sync.push({ mutations: [east] }))).toEqual(['applied']);
      fake.addMessage(w.eastRep.email, {
        messageId: `quote-${newId()}@east.example`,
        from: { address: 'buyer@east.example', name: '王采购' },
        to: [{ address: w.eastRep.email }],
        subject: '报价 quote',
        date: new Date(Date.now() - 3600_000),
        text: '报价正文 quote body',
        labels: ['INBOX'],
      });
      await connectAccount(services, w.eastRep, 'google', w.eastRep.email);
      const accountId = rowsOf((await pullAll(repApi)).changes, 'mailAccount')[0]!.id;
      expect((await ingestAll(services)).linked).toBe(1);
      const managerApi = await w.eastManager.api();
      const mailOf = async (api: Caller) =>
        timelinePageSchema.parse(await api.timeline.page({ customerId: east.payload.id })).items.map((i) => ({ subject: i.imported?.subject, body: i.imported?.body }));

      expect(await mailOf(repApi)).toEqual([{ subject: '报价 quote', body: '报价正文 quote body' }]);
      expect(await mailOf(managerApi)).toEqual([]);
      await repApi.mail.update({ accountId, sharing: 'metadata' });
      expect(await mailOf(managerApi)).toEqual([{ subject: null, body: null }]);
      await repApi.mail.update({ accountId, sharing: 'subject' });
      expect(await mailOf(managerApi)).toEqual([{ subject: '报价 quote', body: null }]);
      await repApi.mail.update({ accountId, sharing: 'full' });
      expect(await mailOf(managerApi)).toEqual([{ subject: '报价 quote', body: '报价正文 quote body' }]);
      fake.mailboxes.clear();
    });

    it('refuses a cursor made for another customer, organisation or filter, and one that is not a cursor', async () => {
      const t = testDb();
      const w = await orgWorld(t.services);
      const busy = await busyCustomer(t, w.eastRep, 5);
      const other = await busyCustomer(t, w.eastRep, 5);
      const api = await w.eastRep.api();
      const { nextCursor } = await api.timeline.page({ customerId: busy.id, limit: 2 });
      expect(nextCursor).not.toBeNull();
      const wrongPlace = 'BAD_REQUEST: cursor: made for another customer or filter; ask again without a cursor';
      expect(await messageOf(api.timeline.page({ customerId: other.id, cursor: nextCursor }))).toBe(wrongPlace);
      expect(await messageOf(api.timeline.page({ customerId: busy.id, cursor: nextCursor, kinds: ['call'] }))).toBe(wrongPlace);

      // Another organisation's admin, with a cursor of their own customer, on their own customer
      // id but Org A's cursor: refused; on Org A's customer: not found.
      const b = await orgWorld(t.services, 'Org B', 'b.example');
      const theirs = await busyCustomer(t, b.admin, 3);
      const bApi = await b.admin.api();
      expect(await messageOf(bApi.timeline.page({ customerId: theirs.id, cursor: nextCursor }))).toBe(wrongPlace);
      expect(await messageOf(bApi.timeline.page({ customerId: busy.id, cursor: nextCursor }))).toBe('NOT_FOUND: customer not found');

      const notACursor = 'BAD_REQUEST: cursor: not a cursor returned by timeline.page; ask again without a cursor';
      for (const bad of ['nonsense', Buffer.from('{"v":1}').toString('base64url'), nextCursor!.slice(0, -3)]) {
        expect(await messageOf(api.timeline.page({ customerId: busy.id, cursor: bad }))).toBe(notACursor);
      }
      expect(await messageOf(api.timeline.page({ customerId: busy.id, limit: 201 }))).toMatch(/^BAD_REQUEST: limit/);
    });
  });
});
