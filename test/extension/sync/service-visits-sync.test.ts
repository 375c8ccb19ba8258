import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomerFromSender } from '../../../extension/local-db/mutations/create-customer';
import { setMeta } from '../../../extension/local-db/meta';
import { changeServiceItem, logServiceItem } from '../../../extension/local-db/mutations/service-items';
import { changeVisit, planVisit } from '../../../extension/local-db/mutations/visits';
import { replyDeadlines } from '../../../extension/local-db/queries/service-items';
import { createSyncEngine } from '../../../extension/sync/engine';
import { createApiClient, trpcTransport } from '../../../extension/sync/trpc-client';
import { startServer, type RunningServer } from '../../../server/start-server';
import { freshDb } from '../local-db/helpers';

// The sidebar writes the rows a rule makes before the server does (derived ids); after a sync
// the replica holds the server's rows under the same ids: nothing doubled, nothing left behind.
let server: RunningServer;
let dataDir: string;
let token: string;
let me: { id: string; email: string; displayName: string };

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'inbox-crm-service-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, adminEmail: 'admin@ourco.example' });
  if (!server.bootstrap.created) throw new Error('expected a first start');
  const signedIn = await createApiClient(server.url, null).auth.signIn.mutate({ email: server.bootstrap.email, code: server.bootstrap.code });
  token = signedIn.token;
  me = signedIn.user;
}, 60_000);

afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('service items and visits through the real sync engine', () => {
  it("the complaint's and the visit's rule-made rows are the server's after a sync, under the same ids", async () => {
    const db = freshDb();
    await setMeta(db, 'session', { userId: me.id, email: me.email, displayName: me.displayName, organisationId: 'o', organisationName: 'Our Co' });
    const engine = createSyncEngine({ db, getTransport: async () => trpcTransport(createApiClient(server.url, token)) });
    const { customerId, contactId } = await createCustomerFromSender(db, { customerName: '宝钢股份', contactName: '王丽', email: 'wang.li@baosteel.example' });
    const id = await logServiceItem(db, { customerId, contactId, type: 'complaint', channel: 'email', summary: '交货延迟', receivedAt: new Date().toISOString() });
    expect((await replyDeadlines(db, me.id)).entries.map((d) => [d.customerName, d.item.summary])).toEqual([['宝钢股份', '交货延迟']]);
    await changeServiceItem(db, id, { kind: 'service.commit', payload: { promisedReplyAt: new Date(Date.now() + 3_600_000).toISOString() } });
    await changeServiceItem(db, id, { kind: 'service.options', payload: { options: ['a', 'b', 'c'].map((t) => ({ id: t, text: t })), chosenOptionId: 'b' } });
    await changeServiceItem(db, id, { kind: 'service.resolve', payload: { reply: '已答复', result: '已补发', resolvedAt: new Date().toISOString() } });
    const visitId = await planVisit(db, { customerId, contactIds: [contactId], plannedAt: new Date().toISOString(), purpose: '回访', expectedResult: '确认满意' });
    await changeVisit(db, visitId, { kind: 'visit.report', payload: { heldAt: new Date().toISOString(), outcome: '满意', needs: '更短交期', firstMeeting: true, reportedAt: new Date().toISOString() } });
    const optimistic = (await db.followUps.toArray()).map((f) => f.id).sort();
    expect(optimistic).toHaveLength(5);

    expect(await engine.requestSync()).toBe('ok');
    expect(await db.outbox.count()).toBe(0);
    const synced = await db.followUps.toArray();
    expect(synced.map((f) => f.id).sort()).toEqual(optimistic);
    expect(synced.every((f) => f.version >= 1)).toBe(true);
    expect(await db.timeline.where('customerId').equals(customerId).count()).toBe(1);
    expect((await db.customers.get(customerId))!.needs.lastNeed).toBe('更短交期');
    expect((await db.serviceItems.get(id))!).toMatchObject({ stage: 'return_visit', version: 4 });
    expect((await replyDeadlines(db, null)).total).toBe(0);
  });
});
