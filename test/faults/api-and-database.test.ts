import { afterEach, describe, expect, it } from 'vitest';
import { m } from '../integration/support/mutations';
import { postgresInstalled } from '../support/postgres-server';
import { failureOf, pushUntilAcknowledged, signedInClients, startCluster } from './cluster';

type Cluster = Awaited<ReturnType<typeof startCluster>>;

describe.skipIf(!postgresInstalled())('faults: API processes and PostgreSQL', () => {
  let cluster: Cluster | null = null;
  afterEach(async () => {
    await cluster?.dispose();
    cluster = null;
  });

  it('kill -9 of an API process mid-push: the client carries on with the other one, nothing lost or doubled', async () => {
    cluster = await startCluster(['api', 'api']);
    const [a, b] = cluster.processes;
    const admin = a!.admin!;
    const clients = await signedInClients([a!.url, b!.url], admin.email, admin.code);
    const batches = Array.from({ length: 30 }, (_, i) => Array.from({ length: 50 }, (_, n) => m.createCustomer(`客户 ${i}-${n}`)));

    const failures: string[] = [];
    for (const [i, batch] of batches.entries()) {
      if (i === 10) {
        // Kill A while it is applying batch 10 (the request is on the wire and in its transaction).
        const pushing = pushUntilAcknowledged(clients, batch, 0);
        await new Promise((resolve) => setTimeout(resolve, 15));
        await a!.kill9();
        failures.push(...(await pushing));
        continue;
      }
      failures.push(...(await pushUntilAcknowledged(clients, batch, a!.running ? i : 1)));
    }
    expect(a!.running).toBe(false);
    await a!.restart();
    // Replaying an acknowledged batch (the extension may, after a crash) changes nothing.
    await pushUntilAcknowledged(clients, batches[10]!, 0);

    const [counts] = await cluster.query<{ rows: string; names: string }>('SELECT count(*) AS rows, count(DISTINCT name) AS names FROM customers');
    expect(counts).toEqual({ rows: String(30 * 50), names: String(30 * 50) });
    // The only failures are the killed process's: no answer, or refused while it was down.
    expect(failures.every((f) => f === 'network')).toBe(true);
    expect((await clients[0]!.auth.me.query()).user.email).toBe(admin.email);
  });

  it('PostgreSQL restarted during load: clients get retryable 503s, then everything goes through without restarting anything', async () => {
    cluster = await startCluster(['api', 'api']);
    const [a, b] = cluster.processes;
    const admin = a!.admin!;
    const clients = await signedInClients([a!.url, b!.url], admin.email, admin.code);
    const seen: { at: number; outcome: string }[] = [];
    const pushed: string[] = [];
    const t0 = Date.now();
    let stop = false;
    const load = Promise.all(
      Array.from({ length: 8 }, async (_, c) => {
        for (let n = 0; !stop; n++) {
          const batch = [m.createCustomer(`负载 ${c}-${n}`)];
          for (;;) {
            try {
              await clients[c % 2]!.sync.push.mutate({ mutations: batch });
              await clients[c % 2]!.sync.pull.mutate({ cursor: null, limit: 50 });
              seen.push({ at: Date.now() - t0, outcome: 'ok' });
              break;
            } catch (error) {
              seen.push({ at: Date.now() - t0, outcome: failureOf(error) });
              await new Promise((resolve) => setTimeout(resolve, 200));
            }
          }
          pushed.push(batch[0]!.payload.name);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const downAt = Date.now() - t0;
    await cluster.postgres.stop('immediate');
    const ready = await fetch(`${a!.url}/health/ready`);
    expect(ready.status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await cluster.postgres.start();
    const upAt = Date.now() - t0;
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    stop = true;
    await load;

    expect((await fetch(`${a!.url}/health/ready`)).status).toBe(200);
    const failures = seen.filter((s) => s.outcome !== 'ok');
    expect(failures.length).toBeGreaterThan(0);
    // Retryable only: 503 from the API, or a connection dropped in the instant of the crash.
    expect(new Set(failures.map((f) => f.outcome))).toEqual(new Set(failures.map((f) => f.outcome).filter((o) => o === '503' || o === 'network')));
    expect(failures.filter((f) => f.outcome === '503').length).toBeGreaterThan(0);
    // Recovered on their own: the last two seconds are all answers.
    const tail = seen.filter((s) => s.at > upAt + 2_000);
    expect(tail.length).toBeGreaterThan(10);
    expect(tail.every((s) => s.outcome === 'ok')).toBe(true);
    expect(seen.filter((s) => s.at < downAt).every((s) => s.outcome === 'ok')).toBe(true);
    // Exactly once: a push whose answer was lost in the crash was retried and applied once.
    const rows = await cluster.query<{ name: string }>("SELECT name FROM customers WHERE name LIKE '负载 %'");
    expect(rows.map((r) => r.name).sort()).toEqual([...pushed].sort());
  });
});
