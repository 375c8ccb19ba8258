import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../server/domain/services';
import { createIngestionDeps } from '../../server/ingestion/ingestion-deps';
import { openPostgres } from '../../server/storage/postgres-database';
import { createStore } from '../../server/storage/repositories/index';
import { migrate } from '../../server/storage/migrate';
import { FakeGoogle } from '../fakes/fake-google';
import { configForFakes, fakeProviderEnv } from '../fakes/provider-config';
import { invitedUser, signedInAdmin } from '../integration/support/actors';
import { connectAccount } from '../integration/support/ingestion';
import { m } from '../integration/support/mutations';
import { postgresInstalled } from '../support/postgres-server';
import { startCluster } from './cluster';

const MAILBOXES = ['rep1@ourco.example', 'rep2@ourco.example', 'rep3@ourco.example'];
const PER_BOX = Number(process.env.FAULTS_MESSAGES_PER_BOX ?? 3_334); // 10,002 messages in all
const customers = ['northwind.example', 'steel-example.cn', 'harbour.example'];
const hour = 3600_000;

let fake: FakeGoogle;
beforeAll(async () => {
  fake = await new FakeGoogle().start();
});
afterAll(() => fake.close());

describe.skipIf(!postgresInstalled())('faults: two workers importing', () => {
  it('kill -9 of a worker mid-import, 10% provider faults and expired cursors: every message once, on the right customer', async () => {
    const cluster = await startCluster(['worker', 'worker'], {
      ...fakeProviderEnv({ google: fake.url }),
      CRM_LEASE_MS: '3000',
      CRM_INGEST_INTERVAL_MS: '1000',
      CRM_INGEST_PAGES_PER_RUN: '2',
    });
    const db = openPostgres(cluster.databaseUrl);
    try {
      await migrate(db);
      const deps = createIngestionDeps({ config: configForFakes({ google: fake.url }), key: Buffer.from(cluster.tokenKey, 'base64'), publicUrl: 'http://127.0.0.1:9' });
      const services = createServices(createStore(db), { ingestion: deps });
      const admin = await signedInAdmin(services, 'Our Co', 'admin@ourco.example');
      const made = customers.map((domain, i) => m.createCustomer(`客户 ${i}`, { emailDomains: [domain] }));
      await (await admin.api()).sync.push({ mutations: made });
      const expected = new Map<string, string>();
      for (const address of MAILBOXES) {
        for (let n = 0; n < PER_BOX; n++) {
          const c = n % customers.length;
          const messageId = `${address}-${n}@${customers[c]}`;
          fake.addMessage(address, { messageId, from: { address: `buyer${n % 7}@${customers[c]}` }, to: [{ address }], subject: `订单 ${n}`, text: 'body', labels: ['INBOX'], date: new Date(Date.now() - (1 + n / 100) * hour) });
          expected.set(`mid:${messageId}`, made[c]!.payload.id);
        }
      }
      fake.faults.configure({ errorRate: 0.1, seed: 11, retryAfterSeconds: 0 });
      for (const address of MAILBOXES) await connectAccount(services, await invitedUser(services, admin, address), 'google', address);

      const imported = async () => Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM timeline_items WHERE kind = 'email'"))[0]!.n);
      const total = MAILBOXES.length * PER_BOX;
      await expect.poll(imported, { timeout: 120_000, interval: 200 }).toBeGreaterThan(total / 4);
      const [victim, survivor] = cluster.processes;
      await victim!.kill9();
      const atKill = await imported();
      // The survivor carries on alone, including the channels the victim held once their leases run out.
      await expect.poll(imported, { timeout: 180_000, interval: 500 }).toBeGreaterThan(atKill + 500);
      expect(survivor!.running).toBe(true);
      await victim!.restart();

      // Expired cursors: the providers forget the history; new mail arrives meanwhile.
      await expect.poll(async () => Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM sync_channels WHERE kind = 'mail' AND cursor IS NOT NULL"))[0]!.n), { timeout: 240_000, interval: 500 }).toBe(MAILBOXES.length);
      for (const address of MAILBOXES) {
        fake.mailbox(address).expireHistory();
        const messageId = `${address}-late@${customers[0]}`;
        fake.addMessage(address, { messageId, from: { address: `buyer@${customers[0]}` }, to: [{ address }], subject: '到期后', text: 'late', labels: ['INBOX'], date: new Date() });
        expected.set(`mid:${messageId}`, made[0]!.payload.id);
      }
      await db.query("UPDATE sync_channels SET next_run_at = now() WHERE kind = 'mail'");
      await expect.poll(imported, { timeout: 120_000, interval: 500 }).toBe(total + MAILBOXES.length);

      // The same timelines as a clean run: every message once, linked to its customer, in every mailbox.
      const rows = await db.query<{ dedupe_key: string; customer_id: string; boxes: number }>(
        "SELECT dedupe_key, customer_id, cardinality(mailbox_user_ids) AS boxes FROM timeline_items WHERE kind = 'email' AND deleted_at IS NULL",
      );
      expect(rows).toHaveLength(expected.size);
      for (const row of rows) {
        expect(expected.get(row.dedupe_key)).toBe(row.customer_id);
        expect(row.boxes).toBe(1);
      }
      const leftovers = await db.query("SELECT id FROM sync_channels WHERE error_kind IS NOT NULL AND error_kind <> 'temporary' AND error_kind <> 'rate-limited'");
      expect(leftovers).toEqual([]);
    } finally {
      fake.faults.configure({ errorRate: 0 });
      await db.close();
      await cluster.dispose();
    }
  });
});
