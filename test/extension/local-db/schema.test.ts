import { describe, expect, it } from 'vitest';
import { freshDb } from './helpers';

// House rule 7: versions only append. This pins version 1 so an edit of it fails here; a new
// version gets its own upgrade test next to this one.
describe('local-db schema', () => {
  it('version 1 has the tables and indexes the queries rely on', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(1);
    const indexes = Object.fromEntries(
      db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].sort()]),
    );
    expect(indexes).toEqual({
      customers: ['*emailDomains', 'id', 'name'],
      contacts: ['*emails', 'customerId', 'id'],
      timeline: ['[customerId+occurredAt]', 'customerId', 'id'],
      members: ['id'],
      outbox: ['entityId', 'id', 'status'],
      meta: ['key'],
    });
    expect(db.name).toMatch(/^test-/);
  });
});
