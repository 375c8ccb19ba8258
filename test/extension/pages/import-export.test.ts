import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCalls } from '../../../extension/background/import-calls';
import type { LocalDb } from '../../../extension/local-db/db';
import { setMetas } from '../../../extension/local-db/meta';
import { exportData } from '../../../extension/local-db/queries/export-lists';
import { contactsCsv, customersCsv } from '../../../extension/pages/export/export-csv';
import { toBase64 } from '../../../extension/pages/import/read-file';
import { createSyncEngine } from '../../../extension/sync/engine';
import { createApiClient, trpcTransport } from '../../../extension/sync/trpc-client';
import { startServer, type RunningServer } from '../../../server/start-server';
import { repoRoot } from '../../support/paths';
import { freshDb } from '../local-db/helpers';

// The options page's import and export, minus the DOM: the background's import calls against the
// real server, the sync engine pulling the result, and the replica exported to CSV and imported
// again (which must change nothing).
let server: RunningServer;
let dataDir: string;
let adminToken: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'inbox-crm-import-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, adminEmail: 'admin@a.example' });
  if (!server.bootstrap.created) throw new Error('expected a first start');
  const signedIn = await createApiClient(server.url, null).auth.signIn.mutate({ email: server.bootstrap.email, code: server.bootstrap.code });
  adminToken = signedIn.token;
}, 60_000);

afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function signedInDb(token: string | null): Promise<LocalDb> {
  const db = freshDb();
  await setMetas(db, { connection: { serverUrl: server.url, token, expiresAt: null } });
  return db;
}
const upload = (bytes: Uint8Array, fileName: string) => ({ fileName, contentBase64: toBase64(bytes) });
const fixture = (name: string) => upload(readFileSync(path.join(repoRoot, 'test/fixtures/import', name)), name);
const textUpload = (text: string, fileName: string) => upload(new TextEncoder().encode(text), fileName);
const planInput = (file: { fileName: string; contentBase64: string }) => ({ ...file, pass: 'master' as const, mapping: {}, duplicates: 'skip' as const, utcOffsetMinutes: 480 });

describe('import through the background, export from the replica', () => {
  it('imports the GBK fixture, syncs it, and an export of the replica imports back with nothing to change', async () => {
    const db = await signedInDb(adminToken);
    const inspected = await importCalls.inspect(db, { ...fixture('customers-gbk.csv'), pass: 'master' });
    expect(inspected).toMatchObject({ ok: true, value: { encoding: 'gb18030', dataRows: 3 } });
    const plan = await importCalls.plan(db, { ...planInput(fixture('customers-gbk.csv')), mapping: { 负责人: 'ignore' } });
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.value.counts).toMatchObject({ customersToCreate: 2, contactsToCreate: 3, errorRows: 0 });
    const applied = await importCalls.apply(db, { planId: plan.value.planId });
    expect(applied).toMatchObject({ ok: true, value: { customersCreated: 2, contactsCreated: 3 } });

    await createSyncEngine({ db, getTransport: async () => trpcTransport(createApiClient(server.url, adminToken)) }).requestSync();
    const data = await exportData(db);
    expect(data.customers.map((c) => c.name).sort()).toEqual(['Acme Trading Co., Ltd.', '上海宝钢集团有限公司']);

    const customers = customersCsv(data);
    expect(customers.text.startsWith('\ufeffCustomer code,Customer name,Short names,')).toBe(true);
    expect(customers.text).toContain('"Acme Trading Co., Ltd."');
    expect(customers.text).toContain('"1 Main St\nSuite 5"');
    const contacts = contactsCsv(data);
    expect(contacts.rows).toBe(3);
    expect(contacts.text).toContain('"Buyer, ""Senior"""');

    for (const [text, name] of [[customers.text, 'customers.csv'], [contacts.text, 'contacts.csv']] as const) {
      const again = await importCalls.plan(db, planInput(textUpload(text, name)));
      if (!again.ok) throw new Error(again.reason);
      expect(again.value.errors).toEqual([]);
      expect(Object.values(again.value.mapping)).not.toContain('ignore');
      expect(again.value.counts).toMatchObject({ customersToCreate: 0, customersToUpdate: 0, contactsToCreate: 0, contactsToUpdate: 0 });
    }
  });

  it('answers with a kind the options page can explain: signed out, forbidden, bad file, stale plan', async () => {
    expect(await importCalls.plan(await signedInDb(null), planInput(textUpload('Name\nA\n', 'a.csv')))).toEqual({
      ok: false,
      error: 'signed-out',
      reason: '',
    });
    const admin = createApiClient(server.url, adminToken);
    const { code } = await admin.users.invite.mutate({ email: 'rep@a.example', displayName: 'Rep', role: 'sales_rep' });
    const rep = await createApiClient(server.url, null).auth.signIn.mutate({ email: 'rep@a.example', code });
    expect(await importCalls.plan(await signedInDb(rep.token), planInput(textUpload('Name\nA\n', 'a.csv')))).toMatchObject({ ok: false, error: 'forbidden' });

    const db = await signedInDb(adminToken);
    const xls = upload(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.xls');
    expect(await importCalls.inspect(db, { ...xls, pass: 'master' })).toMatchObject({ ok: false, error: 'invalid', reason: expect.stringMatching(/save as \.xlsx or CSV/) });
    const plan = await importCalls.plan(db, planInput(textUpload('Name\nOnce Ltd\n', 'a.csv')));
    if (!plan.ok) throw new Error(plan.reason);
    await importCalls.apply(db, { planId: plan.value.planId });
    expect(await importCalls.apply(db, { planId: plan.value.planId })).toMatchObject({ ok: false, error: 'conflict', reason: expect.stringMatching(/already applied/) });
  });
});
