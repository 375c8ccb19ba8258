/**
 * reassign_10k_items_ms: a manager gives a customer with 10,000 timeline items and 20 contacts
 * to another rep (one sync.push through tRPC on a PGlite data folder, as the server runs it).
 * Who may see the customer changed, so every one of its records goes back into the change log
 * in the same transaction (change-log.ts appendDependentsOf, one statement). Also reported:
 * the old owner's next pull, which brings the ~10,020 tombstones (reassign_pull_ms, info).
 *   npm run bench:reassign          (alone)      npm run bench   (with everything else)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { v7 as uuidv7 } from 'uuid';
import { openServices } from '../../server/open-services';
import { appRouter } from '../../server/trpc/app-router';
import { createContext } from '../../server/trpc/context';
import { createCallerFactory } from '../../server/trpc/init';
import { createStore } from '../../server/storage/repositories/index';
import { round } from './stats';

export type ReassignBench = { reassign_10k_items_ms: number; reassign_pull_ms: number; items: number; tombstones: number };

export async function measureReassign(items = 10_000): Promise<ReassignBench> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'inbox-crm-reassign-bench-'));
  const { db, services } = await openServices({ dataDir });
  const caller = async (token: string) => createCallerFactory(appRouter)(await createContext(services, `Bearer ${token}`));
  const signIn = async (email: string, code: string) => (await services.auth.signIn({ email, code, deviceName: 'bench' })).token;
  try {
    const org = await services.auth.createOrganisation({ name: 'Reassign bench', adminEmail: 'admin@bench.example' });
    const admin = await caller(await signIn(org.email, org.code));
    const { id: department } = await admin.departments.create({ name: 'Sales' });
    const join = async (email: string, role: 'manager' | 'sales_rep') => {
      const { code, userId } = await admin.users.invite({ email, displayName: email, role, departmentId: department });
      return { userId, api: await caller(await signIn(email, code)) };
    };
    const manager = await join('manager@bench.example', 'manager');
    const from = await join('from@bench.example', 'sales_rep');
    const to = await join('to@bench.example', 'sales_rep');
    const customerId = uuidv7();
    await from.api.sync.push({ mutations: [{ id: uuidv7(), baseVersion: null, kind: 'customer.create', payload: { id: customerId, name: '宝钢股份' } }] });
    const store = createStore(db);
    await store.transaction(async (repos) => {
      const contacts = Array.from({ length: 20 }, (_, i) => ({ ...contactOf(customerId, i) }));
      await repos.importData.insertContacts(org.orgId, contacts);
      const timeline = Array.from({ length: items }, (_, i) => ({
        id: uuidv7(), customerId, kind: 'email' as const, occurredAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
        authorUserId: from.userId, contactIds: [], summary: `邮件 ${i}`, sourceRef: null, private: false,
      }));
      await repos.importData.insertTimelineItems(org.orgId, timeline);
      await repos.changeLog.appendMany(org.orgId, [
        ...contacts.map((c) => ({ entity: 'contact' as const, entityId: c.id, op: 'upsert' as const })),
        ...timeline.map((t) => ({ entity: 'timelineItem' as const, entityId: t.id, op: 'upsert' as const })),
      ]);
    });
    let cursor: string | null = null;
    for (;;) {
      const page = await from.api.sync.pull({ cursor, limit: 5000 });
      if (page.resetRequired) throw new Error('unexpected reset');
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }

    const started = performance.now();
    const pushed = await manager.api.sync.push({
      mutations: [{ id: uuidv7(), baseVersion: null, kind: 'customer.update', payload: { id: customerId, patch: { ownerUserId: to.userId } } }],
    });
    const reassigned = performance.now();
    if (pushed.results[0]?.status !== 'applied') throw new Error(`reassignment refused: ${JSON.stringify(pushed.results[0])}`);
    let tombstones = 0;
    for (;;) {
      const page = await from.api.sync.pull({ cursor, limit: 5000 });
      if (page.resetRequired) throw new Error('unexpected reset');
      tombstones += page.changes.filter((c) => c.op === 'delete').length;
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    const pulled = performance.now();
    return {
      reassign_10k_items_ms: round(reassigned - started, 1),
      reassign_pull_ms: round(pulled - reassigned, 1),
      items,
      tombstones,
    };
  } finally {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function contactOf(customerId: string, i: number) {
  return {
    id: uuidv7(), customerId, name: `联系人 ${i}`, title: null, emails: [`c${i}@baosteel.example`], phones: [],
    buyingRole: null, relationshipStrength: null, preferredChannel: null, birthday: null, notes: null,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  measureReassign()
    .then((result) => console.log(JSON.stringify(result, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
