import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../shared/schemas/member';
import type { Mutation } from '../../../shared/schemas/sync';
import { createCustomerFromSender } from '../../../extension/local-db/mutations/create-customer';
import { addNote } from '../../../extension/local-db/mutations/add-note';
import { completeFollowUp } from '../../../extension/local-db/mutations/change-follow-up';
import { dismissRejected } from '../../../extension/local-db/mutations/dismiss-rejected';
import { createSyncEngine } from '../../../extension/sync/engine';
import type { SyncTransport } from '../../../extension/sync/transport';
import { createApiClient, trpcTransport } from '../../../extension/sync/trpc-client';
import { startServer, type RunningServer } from '../../../server/start-server';
import { freshDb } from '../local-db/helpers';

// The extension's own sync engine and tRPC client against the real server on PGlite: what the
// e2e suite proves through the browser, here at unit-test speed and with the corner cases.
let server: RunningServer;
let dataDir: string;
let adminToken: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'inbox-crm-engine-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, adminEmail: 'admin@ourco.example' });
  if (!server.bootstrap.created) throw new Error('expected a first start');
  const signedIn = await createApiClient(server.url, null).auth.signIn.mutate({
    email: server.bootstrap.email,
    code: server.bootstrap.code,
  });
  adminToken = signedIn.token;
}, 60_000);

afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const engineFor = (db: ReturnType<typeof freshDb>, url: string, token: string) =>
  createSyncEngine({ db, getTransport: async () => trpcTransport(createApiClient(url, token)) });

async function invite(email: string, displayName: string, role: Role = 'sales_rep'): Promise<string> {
  const admin = createApiClient(server.url, adminToken);
  const { code } = await admin.users.invite.mutate({ email, displayName, role });
  return (await createApiClient(server.url, null).auth.signIn.mutate({ email, code })).token;
}

describe('sync engine against the real server', () => {
  it('keeps offline work, then delivers it exactly once, and a colleague pulls it', async () => {
    const db = freshDb();
    const { customerId } = await createCustomerFromSender(db, {
      customerName: '上海钢铁有限公司',
      contactName: '张伟',
      email: 'Zhang.Wei@steel-example.cn',
    });
    await addNote(db, { customerId, text: '报价已发送', sourceRef: '18f3a2b4c5d6e7f1' });
    await addNote(db, { customerId, text: 'Call back on Monday', sourceRef: null });

    // Nothing listens on port 9 of loopback: the engine reports offline and keeps the outbox.
    expect(await engineFor(db, 'http://127.0.0.1:9', adminToken).requestSync()).toBe('offline');
    expect(await db.outbox.count()).toBe(4);

    const online = engineFor(db, server.url, adminToken);
    expect(await online.requestSync()).toBe('ok');
    expect(await db.outbox.count()).toBe(0);
    expect(await online.requestSync()).toBe('ok'); // a second run changes nothing

    const colleague = freshDb();
    // Another administrator sees every customer (who else does: test/integration/visibility.test.ts).
    const token = await invite('wang.fang@ourco.example', '王芳', 'admin');
    expect(await engineFor(colleague, server.url, token).requestSync()).toBe('ok');
    expect((await colleague.customers.toArray()).map((c) => c.name)).toEqual(['上海钢铁有限公司']);
    expect((await colleague.contacts.toArray()).map((c) => c.emails)).toEqual([['zhang.wei@steel-example.cn']]);
    const notes = await colleague.timeline.where('customerId').equals(customerId).toArray();
    expect(notes.map((n) => n.summary).sort()).toEqual(['Call back on Monday', '报价已发送']);
    expect((await colleague.members.toArray()).map((m) => m.displayName)).toContain('王芳');
  });

  it('keeps a refused change visible with the server reason', async () => {
    const db = freshDb();
    const noteId = await addNote(db, { customerId: uuidv7(), text: 'on a customer that does not exist', sourceRef: null });
    expect(await engineFor(db, server.url, adminToken).requestSync()).toBe('ok');
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ status: 'rejected', code: 'not_found' });
    expect(entry?.reason).toMatch(/customer/i);
    expect(await db.timeline.get(noteId)).toBeDefined(); // still shown until the user dismisses it
  });

  it('isolates a mutation the server refuses as input, so the rest of the outbox still goes through', async () => {
    const db = freshDb();
    const { customerId } = await createCustomerFromSender(db, { customerName: 'Skew Ltd', contactName: 'S', email: 's@skew.example' });
    const noteId = await addNote(db, { customerId, text: 'fine', sourceRef: null });
    // As if written by a newer client: a note kind this server's schema does not know.
    const [entry] = await db.outbox.where('entityId').equals(noteId).toArray();
    const skewed = { ...entry!.mutation, id: uuidv7(), kind: 'note.pin' } as unknown as Mutation;
    await db.outbox.add({ ...entry!, id: skewed.id, entityId: uuidv7(), mutation: skewed });

    expect(await engineFor(db, server.url, adminToken).requestSync()).toBe('ok');
    const left = await db.outbox.toArray();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ id: skewed.id, status: 'rejected', code: 'invalid' });
    expect(left[0]?.reason).toMatch(/kind/);
    const scope = await createApiClient(server.url, adminToken).customers.get.query({ id: customerId });
    expect(scope.name).toBe('Skew Ltd');
  });

  it.each([
    ['applied without changing anything (no words of its own)', { status: 'done' as const, outcome: null }],
    ['refused for saying what happened differently, once dismissed', { status: 'done' as const, outcome: '我也回访了' }],
  ])('ends up with the server’s row when a change made during a pull is %s', async (_, mine) => {
    const admin = createApiClient(server.url, adminToken);
    const me = await admin.auth.me.query();
    const customerId = uuidv7();
    const followUpId = uuidv7();
    await admin.sync.push.mutate({
      mutations: [
        { id: uuidv7(), kind: 'customer.create', baseVersion: null, payload: { id: customerId, name: '回访测试' } },
        {
          id: uuidv7(),
          kind: 'followUp.create',
          baseVersion: null,
          payload: { id: followUpId, customerId, ownerUserId: me.user.id, dueAt: new Date(Date.now() + 3_600_000).toISOString(), reason: '回访' },
        },
      ],
    });
    const db = freshDb();
    expect(await engineFor(db, server.url, adminToken).requestSync()).toBe('ok');
    // A colleague ends it first, with what happened.
    const colleague = createApiClient(server.url, await invite(`li.na.${uuidv7()}@ourco.example`, '李娜', 'admin'));
    await colleague.sync.push.mutate({
      mutations: [{ id: uuidv7(), kind: 'followUp.complete', baseVersion: null, payload: { id: followUpId, status: 'done', outcome: '李娜已回访', completedAt: new Date().toISOString() } }],
    });
    // This user ends it too, while a sync is pulling (after that run's push): the colleague's
    // version arrives while this change is pending and is held back.
    const real = trpcTransport(createApiClient(server.url, adminToken));
    let acted = false;
    const transport: SyncTransport = {
      push: (input) => real.push(input),
      async pull(input) {
        if (!acted) (acted = true), await completeFollowUp(db, followUpId, mine);
        return real.pull(input);
      },
    };
    const engine = createSyncEngine({ db, getTransport: async () => transport });
    expect(await engine.requestSync()).toBe('ok');
    expect(await engine.requestSync()).toBe('ok');
    const refused = await db.outbox.toArray();
    if (mine.outcome) {
      // Shown with the server's reason until the user dismisses it; their words are not lost silently.
      expect(refused).toMatchObject([{ status: 'rejected', code: 'conflict', reason: expect.stringMatching(/already marked done/) }]);
      await dismissRejected(db, refused[0]!.id);
    } else expect(refused).toEqual([]);
    // The server keeps the colleague's record and so must the replica.
    expect(await db.followUps.get(followUpId)).toMatchObject({ status: 'done', outcome: '李娜已回访' });
  });

  it('pushes an outbox of long Chinese notes, however many bytes it adds up to', async () => {
    const db = freshDb();
    const { customerId } = await createCustomerFromSender(db, { customerName: '长记录有限公司', contactName: '陈', email: 'chen@long-notes.example' });
    // 200 notes of 10,000 characters: 3 bytes each in UTF-8, 6 MB in all (the server takes 5 MB a request).
    for (let i = 0; i < 200; i++) await addNote(db, { customerId, text: `${i} ${'长'.repeat(9_990)}`, sourceRef: null });
    expect(await engineFor(db, server.url, adminToken).requestSync()).toBe('ok');
    expect(await db.outbox.count()).toBe(0);
    expect(await db.timeline.where('customerId').equals(customerId).count()).toBe(200);
  }, 120_000);

  it('sets aside a change larger than the server accepts (413), and delivers the rest', async () => {
    const db = freshDb();
    const { customerId } = await createCustomerFromSender(db, { customerName: '超大附件有限公司', contactName: '刘', email: 'liu@huge.example' });
    const hugeId = await addNote(db, { customerId, text: 'to be made huge', sourceRef: null });
    await addNote(db, { customerId, text: '正常的备注', sourceRef: null });
    // As if made by a client without the size limits: 6 MB in one change (the server reads 5 MB).
    const [entry] = await db.outbox.where('entityId').equals(hugeId).toArray();
    const mutation = entry!.mutation as Extract<Mutation, { kind: 'note.create' }>;
    await db.outbox.update(entry!.id, { mutation: { ...mutation, payload: { ...mutation.payload, summary: '大'.repeat(2_000_000) } } });

    expect(await engineFor(db, server.url, adminToken).requestSync()).toBe('ok');
    const left = await db.outbox.toArray();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ id: entry!.id, status: 'rejected', code: 'too_large', reason: '5.7 MB' });
    const notes = await createApiClient(server.url, adminToken).timeline.page.query({ customerId });
    expect(notes.items.map((n) => n.summary)).toContain('正常的备注');
  }, 60_000);

  it('downloads again from nothing when the server refuses the stored cursor as invalid', async () => {
    const db = freshDb();
    const engine = engineFor(db, server.url, adminToken);
    expect(await engine.requestSync()).toBe('ok');
    const count = await db.customers.count();
    expect(count).toBeGreaterThan(0);
    await db.meta.put({ key: 'cursor', value: 'corrupted-by-a-crash' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(await engine.requestSync()).toBe('ok');
    } finally {
      warn.mockRestore();
    }
    expect(await db.customers.count()).toBe(count);
    expect(await db.meta.get('cursor')).not.toMatchObject({ value: 'corrupted-by-a-crash' });
    expect(await db.meta.get('lastError')).toMatchObject({ value: null });
  });

  it('rebuilds the replica when its cursor is older than the change log keeps', async () => {
    const db = freshDb();
    const engine = engineFor(db, server.url, adminToken);
    expect(await engine.requestSync()).toBe('ok');
    const doomed = await createCustomerFromSender(db, { customerName: 'Gone Ltd', contactName: 'X', email: 'x@gone.example' });
    expect(await engine.requestSync()).toBe('ok');
    const stale = freshDb();
    const staleEngine = engineFor(stale, server.url, adminToken);
    expect(await staleEngine.requestSync()).toBe('ok');
    expect(await stale.customers.get(doomed.customerId)).toBeDefined();

    const admin = createApiClient(server.url, adminToken);
    await admin.sync.push.mutate({
      mutations: [{ id: uuidv7(), kind: 'customer.delete', baseVersion: null, payload: { id: doomed.customerId } }],
    });
    const me = await admin.auth.me.query();
    await server.services.sync.compact(me.organisation.id, { tombstonesOlderThan: new Date(Date.now() + 60_000) });

    // The stale replica's cursor predates the dropped tombstones: it must reset, not keep the row.
    expect(await staleEngine.requestSync()).toBe('ok');
    expect(await stale.customers.get(doomed.customerId)).toBeUndefined();
    expect(await stale.contacts.where('customerId').equals(doomed.customerId).count()).toBe(0);
    expect(await stale.customers.filter((c) => c.name === '上海钢铁有限公司').count()).toBe(1);
  });
});
