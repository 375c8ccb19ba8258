import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LeaseSettings } from '../../server/jobs/lease';
import { startScheduler } from '../../server/jobs/scheduler';
import type { Database } from '../../server/storage/database';
import { openPostgres } from '../../server/storage/postgres-database';
import { createStore } from '../../server/storage/repositories/index';
import { jobLeasesRepository } from '../../server/storage/repositories/job-leases';
import { FakeGoogle } from '../fakes/fake-google';
import { invitedUser, signedInAdmin } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { connectAccount, ingestionServices } from './support/ingestion';
import { m } from './support/mutations';

const hour = 3600_000;
const olivia = { address: 'olivia.park@northwind.example', name: 'Olivia Park' };
const quiet = () => undefined;

let fake: FakeGoogle;
beforeAll(async () => {
  fake = await new FakeGoogle().start();
});
afterAll(() => fake.close());

/**
 * Issue 8: several worker processes share the channels through row leases. On PostgreSQL each
 * worker has its own connection pool, as a separate process would; PGlite (one process by
 * nature) runs the same code on one connection.
 */
describe.each(databaseKinds)('work leases on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);
    const extraPools: Database[] = [];
    afterEach(async () => {
      fake.mailboxes.clear();
      fake.calendars.clear();
      fake.requests.length = 0;
      await Promise.all(extraPools.splice(0).map((db) => db.close()));
    });

    /** An organisation whose reps have connected mailboxes of `perBox` messages each. */
    async function world(reps: string[], perBox: number) {
      const { store, url } = testDb();
      const { services } = ingestionServices(store, { google: fake.url });
      const admin = await signedInAdmin(services, 'Our Co', 'admin@ourco.example');
      const northwind = m.createCustomer('Northwind', { emailDomains: ['northwind.example'] });
      await (await admin.api()).sync.push({ mutations: [northwind, m.createContact(northwind.payload.id, 'Olivia Park', [olivia.address])] });
      for (const address of reps) {
        const rep = await invitedUser(services, admin, address);
        for (let n = 0; n < perBox; n++) {
          const date = new Date(Date.now() - (10 + n) * hour);
          fake.addMessage(address, { messageId: `${address}-${n}@northwind.example`, from: olivia, to: [{ address }], subject: `订单 ${n}`, text: 'body', labels: ['INBOX'], date });
        }
        await connectAccount(services, rep, 'google', address);
      }
      return { store, url };
    }

    /** A worker as a separate process sees it: its own pool (on PostgreSQL), its own lease owner. */
    function worker(base: { store: ReturnType<typeof testDb>['store']; url: string | null }, lease: LeaseSettings, env: Record<string, string> = {}) {
      let store = base.store;
      if (base.url) {
        const pool = openPostgres(base.url);
        extraPools.push(pool);
        store = createStore(pool);
      }
      const { services } = ingestionServices(store, { google: fake.url }, env);
      return {
        store,
        runDue: (signal = new AbortController().signal) =>
          services.ingestion.runDue({ now: new Date(), signal, sleep: async () => undefined, log: quiet, lease }),
      };
    }

    const emailCount = async () => Number((await testDb().db.query<{ n: unknown }>("SELECT count(*) AS n FROM timeline_items WHERE kind = 'email'"))[0]!.n);

    it('two workers share the channels: every message is fetched and stored exactly once', async () => {
      const reps = ['rep1@ourco.example', 'rep2@ourco.example', 'rep3@ourco.example', 'rep4@ourco.example'];
      const base = await world(reps, 520);
      // One page per claim, so channels change hands between pages (resuming from checkpoints).
      const env = { CRM_INGEST_PAGES_PER_RUN: '1' };
      const a = worker(base, { owner: 'worker-a', leaseMs: 10_000 }, env);
      const b = worker(base, { owner: 'worker-b', leaseMs: 10_000 }, env);
      const [ra, rb] = await Promise.all([a.runDue(), b.runDue()]);

      expect(await emailCount()).toBe(4 * 520);
      // A page run twice (two workers on one channel) would fetch its messages twice.
      expect(fake.requests.filter((r) => r === 'get')).toHaveLength(4 * 520);
      expect(fake.requests.filter((r) => r === 'list')).toHaveLength(4 * 2);
      expect(ra.channels).toBeGreaterThan(0);
      expect(rb.channels).toBeGreaterThan(0);
      const leases = await testDb().db.query<{ n: unknown }>('SELECT count(*) AS n FROM sync_channels WHERE lease_owner IS NOT NULL');
      expect(Number(leases[0]!.n)).toBe(0);
    });

    it("a crashed worker's channel waits for its lease to expire, then another worker takes it over; the crashed one can commit nothing", async () => {
      const base = await world(['rep@ourco.example'], 1100);
      const first = worker(base, { owner: 'first', leaseMs: 10_000 }, { CRM_INGEST_PAGES_PER_RUN: '1', CRM_INGEST_INTERVAL_MS: '600000' });
      const stop = new AbortController();
      // The first page commits, then the worker stops (as a shutdown does): progress is the checkpoint.
      const { services: stopping } = ingestionServices(first.store, { google: fake.url }, { CRM_INGEST_PAGES_PER_RUN: '1' });
      stopping.ingestion.deps.listeners = [{ name: 'stop', handle: async () => stop.abort() }];
      await stopping.ingestion.runDue({ now: new Date(), signal: stop.signal, sleep: async () => undefined, log: quiet, lease: { owner: 'first', leaseMs: 10_000 } });
      expect(await emailCount()).toBe(500);
      // What a worker killed mid-run leaves behind: its lease on the mail channel, not renewed.
      const [mailChannel] = await testDb().db.query<{ id: string }>("SELECT id FROM sync_channels WHERE kind = 'mail'");
      await testDb().db.query("UPDATE sync_channels SET next_run_at = now() - interval '1 minute' WHERE kind = 'mail'");
      const crashed = await base.store.repos.syncChannels.claimDue(new Date(), 'crashed', 1_500);
      expect(crashed?.id).toBe(mailChannel!.id);

      const survivor = worker(base, { owner: 'survivor', leaseMs: 10_000 });
      await survivor.runDue();
      expect(await emailCount()).toBe(500);

      await new Promise((resolve) => setTimeout(resolve, 1_600));
      await survivor.runDue();
      expect(await emailCount()).toBe(1100);
      // The crashed worker, were it only paused, finds its lease gone: no commit, no finish.
      expect(await base.store.repos.syncChannels.holdLease(mailChannel!.id, 'crashed', 1_500)).toBe(false);
      const before = await base.store.repos.syncChannels.get(mailChannel!.id);
      await base.store.repos.syncChannels.finishRun(mailChannel!.id, 'crashed', { at: new Date(0), success: false, nextRunAt: new Date(0), errorKind: 'unknown', errorMessage: 'x' });
      expect(await base.store.repos.syncChannels.get(mailChannel!.id)).toEqual(before);
      expect(before).toMatchObject({ cursor: expect.any(String), checkpoint: null, errorKind: null });
    });

    it('a live worker renews its lease: a slow channel is never taken from it', async () => {
      const base = await world(['rep@ourco.example'], 30);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let blocked = false;
      const slow = ingestionServices(worker(base, { owner: 'slow', leaseMs: 1_000 }).store, { google: fake.url }).services;
      // Stuck after its page committed (the listener runs after the commit), still alive.
      slow.ingestion.deps.listeners = [{ name: 'slow', handle: async () => void (blocked || ((blocked = true), await gate)) }];
      const slowRun = slow.ingestion.runDue({ now: new Date(), signal: new AbortController().signal, sleep: async () => undefined, log: quiet, lease: { owner: 'slow', leaseMs: 1_000 } });
      await expect.poll(() => blocked, { timeout: 10_000 }).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 2_000)); // twice the lease length
      await testDb().db.query("UPDATE sync_channels SET next_run_at = now() - interval '1 minute' WHERE kind = 'mail'");
      await worker(base, { owner: 'other', leaseMs: 1_000 }).runDue();
      const [held] = await testDb().db.query<{ lease_owner: string | null }>("SELECT lease_owner FROM sync_channels WHERE kind = 'mail'");
      expect(held!.lease_owner).toBe('slow');
      expect(fake.requests.filter((r) => r === 'list')).toHaveLength(1);
      release();
      await slowRun;
      expect(await emailCount()).toBe(30);
    });

    it('a cluster-wide job runs in one worker at a time and once per period', async () => {
      const { db } = testDb();
      let runs = 0;
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const job = { name: 'purge-test', everyMs: 60_000, run: async () => void (runs++, await gate) };
      const services = testDb().services;
      const leases = (owner: string) => ({ repo: jobLeasesRepository(db), settings: { owner, leaseMs: 5_000 } });
      const one = startScheduler([job], services, { firstRunAfterMs: 60_000, log: quiet, leases: leases('one') });
      const two = startScheduler([job], services, { firstRunAfterMs: 60_000, log: quiet, leases: leases('two') });
      const running = one.runNow('purge-test');
      await expect.poll(() => runs).toBe(1);
      await two.runNow('purge-test'); // the lease is held: nothing to do
      release();
      await running;
      expect(runs).toBe(1);
      // Due again only after everyMs: a second worker's timer finds nothing due.
      expect(await jobLeasesRepository(db).claim('purge-test', 'two', 5_000, false)).toBe(false);
      await Promise.all([one.stop(), two.stop()]);
    });
  });
});

