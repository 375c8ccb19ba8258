import { describe, expect, it } from 'vitest';
import { pullOutputSchema, type PulledChange } from '../../shared/schemas/sync';
import { encodeCursor } from '../../server/domain/sync-cursor';
import type { Caller } from './support/actors';
import { invitedUser, signedInAdmin } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { m } from './support/mutations';

/** Pulls every page from `cursor`; checks each page against the contract as it goes. */
async function pullAll(api: Caller, cursor: string | null, limit: number) {
  const pages: PulledChange[][] = [];
  for (;;) {
    const page = pullOutputSchema.parse(await api.sync.pull({ cursor, limit }));
    if (page.resetRequired) throw new Error('unexpected resetRequired');
    pages.push(page.changes);
    cursor = page.nextCursor;
    if (!page.hasMore) return { pages, cursor };
  }
}
const keyOf = (c: PulledChange) => `${c.entity}:${c.op === 'delete' ? c.id : c.row.id}`;

describe.each(databaseKinds)('sync.pull on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    it('pages through the log without gaps or duplicates, with current rows and Chinese text intact', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services, '上海钢铁有限公司');
      const rep = await invitedUser(services, admin, 'zhang.wei@steel.cn');
      const api = await admin.api();
      const names = ['上海钢铁有限公司', '北京贸易', 'Acme', 'Müller GmbH', 'Ω Corp', '深圳电子', 'Delta'];
      const creates = names.map((n) => m.createCustomer(n, { ownerUserId: rep.userId }));
      const first = creates[0]!.payload.id;
      await api.sync.push({
        mutations: [...creates, m.createContact(first, '张伟', ['zhang.wei@steel.cn']), m.updateCustomer(first, { customerClass: 'A' })],
      });

      const { pages, cursor } = await pullAll(api, null, 3);
      expect(pages.length).toBeGreaterThan(3);
      for (const page of pages) expect(page.length).toBeLessThanOrEqual(3);
      const all = pages.flat();
      // members (2) + 7 customers + 1 contact; the updated customer appears again on a later page
      const keys = new Set(all.map(keyOf));
      expect(keys.size).toBe(10);
      const customers = all.filter((c) => c.entity === 'customer' && c.op === 'upsert').map((c) => (c as { row: { name: string } }).row.name);
      expect(new Set(customers)).toEqual(new Set(names));
      const firstRows = all.filter((c) => c.op === 'upsert' && c.row.id === first);
      // Every appearance carries the current row, never a stale one.
      for (const c of firstRows) expect(c).toMatchObject({ row: { customerClass: 'A', version: 2, name: '上海钢铁有限公司' } });
      expect(all).toContainEqual({ entity: 'contact', op: 'upsert', row: expect.objectContaining({ name: '张伟', emails: ['zhang.wei@steel.cn'] }) });
      expect(all).toContainEqual({ entity: 'member', op: 'upsert', row: expect.objectContaining({ id: rep.userId, role: 'sales_rep' }) });

      // Caught up: the cursor stays put and nothing comes back.
      const again = await api.sync.pull({ cursor, limit: 3 });
      expect(again).toEqual({ resetRequired: false, changes: [], nextCursor: cursor, hasMore: false });

      // Incremental pull sees only the new change.
      await api.sync.push({ mutations: [m.updateCustomer(first, { name: '上海钢铁集团' })] });
      const next = await pullAll(api, cursor, 3);
      expect(next.pages.flat()).toEqual([{ entity: 'customer', op: 'upsert', row: expect.objectContaining({ name: '上海钢铁集团', version: 3 }) }]);
    });

    it('refuses a malformed cursor with a clear BAD_REQUEST', async () => {
      const { services } = testDb();
      const api = await (await signedInAdmin(services)).api();
      for (const cursor of ['garbage', Buffer.from('{"v":2}').toString('base64url'), '']) {
        await expect(api.sync.pull({ cursor, limit: 10 })).rejects.toMatchObject({
          code: 'BAD_REQUEST',
          message: expect.stringContaining('cursor'),
        });
      }
      await expect(api.sync.pull({ cursor: null, limit: 0 })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/^limit: /),
      });
    });

    it('after compaction: old cursors must reset, a pull from null still returns every live row once', async () => {
      const { services, db } = testDb();
      const admin = await signedInAdmin(services);
      const api = await admin.api();
      const keep = m.createCustomer('Keep');
      const gone = m.createCustomer('Gone');
      await api.sync.push({ mutations: [keep, gone, m.createContact(gone.payload.id, 'Ann', ['ann@gone.example'])] });
      const early = await pullAll(api, null, 100);
      await api.sync.push({
        mutations: [m.updateCustomer(keep.payload.id, { name: 'Keep 2' }), m.updateCustomer(keep.payload.id, { name: 'Keep 3' }), m.deleteCustomer(gone.payload.id)],
      });
      const beforeCompaction = await pullAll(api, early.cursor, 100);

      const report = await services.sync.compact(admin.orgId, { tombstonesOlderThan: new Date(Date.now() + 60_000) });
      expect(report.tombstonesRemoved).toBe(true);
      expect(report.supersededRemoved).toBeGreaterThan(0);

      expect(await api.sync.pull({ cursor: early.cursor, limit: 100 })).toEqual({ resetRequired: true });
      // A cursor at or after the floor keeps working.
      expect((await api.sync.pull({ cursor: beforeCompaction.cursor, limit: 100 })).resetRequired).toBe(false);
      expect(await api.sync.pull({ cursor: encodeCursor({ org: admin.orgId, user: admin.userId, scope: 1, seq: report.logFloorSeq, fresh: false }), limit: 100 })).toMatchObject({ resetRequired: false });

      const fresh = (await pullAll(api, null, 2)).pages.flat();
      expect(fresh.every((c) => c.op === 'upsert')).toBe(true);
      expect(fresh.map(keyOf).sort()).toEqual([`customer:${keep.payload.id}`, `member:${admin.userId}`].sort());
      expect(fresh).toContainEqual({ entity: 'customer', op: 'upsert', row: expect.objectContaining({ name: 'Keep 3' }) });
      const [{ n }] = (await db.query<{ n: unknown }>('SELECT count(*) AS n FROM change_log')) as [{ n: unknown }];
      expect(Number(n)).toBe(2);
    });

    it('answers resetRequired to a cursor ahead of the log (e.g. a restored database)', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      expect(await (await admin.api()).sync.pull({ cursor: encodeCursor({ org: admin.orgId, user: admin.userId, scope: 1, seq: 999, fresh: false }), limit: 10 })).toEqual({ resetRequired: true });
    });

    it('a row deleted while a download from nothing is under way is deleted in the replica too', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const api = await admin.api();
      const creates = ['甲公司', 'B', 'C', 'D', 'E'].map((n) => m.createCustomer(n));
      await api.sync.push({ mutations: creates });
      const first = pullOutputSchema.parse(await api.sync.pull({ cursor: null, limit: 2 }));
      if (first.resetRequired) throw new Error('unexpected resetRequired');
      expect(first.hasMore).toBe(true);
      const delivered = first.changes.find((c) => c.entity === 'customer' && c.op === 'upsert');
      if (delivered?.op !== 'upsert') throw new Error('expected a customer on the first page');
      // Deleted after its page was read, before the download ends (hiding it by a reassignment is the same).
      await api.sync.push({ mutations: [m.deleteCustomer(delivered.row.id)] });
      const rest = (await pullAll(api, first.nextCursor, 2)).pages.flat();
      expect(rest).toContainEqual({ entity: 'customer', op: 'delete', id: delivered.row.id });
      // Rows deleted before the download began still cost it no tombstones.
      const again = (await pullAll(api, null, 2)).pages.flat();
      expect(again.every((c) => c.op === 'upsert')).toBe(true);
    });
  });
});
