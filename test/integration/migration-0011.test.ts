import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCES } from '../../shared/domain/cadence';
import { migrate } from '../../server/storage/migrate';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { newId } from './support/ids';

describe.each(databaseKinds)('migration 0011 (report indexes) on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind, { migrated: false });

    it('upgrades 0010 → 0011: existing touches and class changes are indexed and counted by the dashboard', async () => {
      const { db, store, services } = testDb();
      await migrate(db, { upTo: 10 });
      const { orgId } = await services.auth.createOrganisation({ name: 'Before 0011', adminEmail: 'a@old.example' });
      const customerId = newId();
      await db.query(`INSERT INTO customers (id, org_id, name, customer_class, created_at) VALUES ($1, $2, '老客户', 'A', '2026-01-01T00:00:00Z')`, [customerId, orgId]);
      await db.query(`INSERT INTO timeline_items (id, org_id, customer_id, kind, occurred_at, summary) VALUES ($1, $2, $3, 'call', '2026-11-28T00:00:00Z', '')`, [newId(), orgId, customerId]);
      await db.query(`UPDATE customers SET customer_class = 'B' WHERE id = $1`, [customerId]);

      expect(await migrate(db, { upTo: 11 })).toEqual([11]);
      const indexes = await db.query<{ indexname: string }>(
        `SELECT indexname FROM pg_indexes WHERE indexname IN ('audit_events_customer_updates_idx', 'customers_deleted_idx', 'follow_ups_rated_idx',
           'timeline_items_recent_touches_idx', 'timeline_items_touches_idx') ORDER BY indexname`,
      );
      expect(indexes.map((i) => i.indexname)).toEqual([
        'audit_events_customer_updates_idx',
        'customers_deleted_idx',
        'follow_ups_rated_idx',
        'timeline_items_recent_touches_idx',
        'timeline_items_touches_idx',
      ]);
      const window = { orgId, scope: { kind: 'organisation' as const }, from: new Date('2026-11-01T00:00:00Z'), to: new Date(Date.now() + 86_400_000), asOf: new Date(Date.now()) };
      // The reclassification (recorded by 0007's trigger just now) reads back: A at the start, B now.
      const cells = await store.repos.reports.customerStates.cells(window);
      expect(cells.find((c) => c.dimension === 'class')).toMatchObject({ start: 'A', end: 'B', atStart: true, atEnd: true, customers: 1 });
      const overdue = await store.repos.reports.touchStates.rows({ ...window, asOf: new Date('2026-12-01T00:00:00Z') }, DEFAULT_CADENCES, false, {}, { limit: 10, offset: 0 });
      expect(overdue.rows.map((r) => [r.customerId, r.at])).toEqual([[customerId, '2026-11-28T00:00:00.000Z']]);
      const compliance = await store.repos.reports.touchStates.compliance({ ...window, asOf: new Date('2026-12-01T00:00:00Z') }, DEFAULT_CADENCES);
      expect(compliance).toMatchObject([{ customerClass: 'B', customers: 1, compliant: 1 }]);
    });
  });
});
