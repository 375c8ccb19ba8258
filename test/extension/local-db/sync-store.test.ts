import { describe, expect, it } from 'vitest';
import { toLocalContact, toLocalCustomer } from '../../../extension/local-db/local-rows';
import { v7 as uuidv7 } from 'uuid';
import type { Mutation } from '../../../shared/schemas/sync';
import { dismissRejected } from '../../../extension/local-db/mutations/dismiss-rejected';
import { getMeta } from '../../../extension/local-db/meta';
import { addNote } from '../../../extension/local-db/mutations/add-note';
import { createCustomerFromSender } from '../../../extension/local-db/mutations/create-customer';
import { applyPullPage, applyPushResults, pendingBatch, resetReplica } from '../../../extension/local-db/sync-store';
import { contact, customer, freshDb, timelineItem } from './helpers';

describe('applyPullPage', () => {
  it('upserts rows, applies tombstones and stores the cursor in one go', async () => {
    const db = freshDb();
    const gone = customer({ name: 'Gone' });
    await db.customers.add(toLocalCustomer(gone));
    const c = customer();
    const p = contact(c.id);
    await applyPullPage(
      db,
      [
        { entity: 'customer', op: 'upsert', row: c },
        { entity: 'contact', op: 'upsert', row: p },
        { entity: 'timelineItem', op: 'upsert', row: timelineItem(c.id) },
        { entity: 'member', op: 'upsert', row: { id: c.id, email: 'a@b.example', displayName: 'A', role: 'sales_rep', departmentId: null, active: true } },
        { entity: 'customer', op: 'delete', id: gone.id },
      ],
      'cursor-1',
    );
    expect(await db.customers.get(c.id)).toEqual(toLocalCustomer(c));
    expect(await db.customers.get(gone.id)).toBeUndefined();
    // Stored with its derived keys, so matching finds it by any spelling of the address.
    expect(await db.contacts.get(p.id)).toEqual(toLocalContact(p));
    expect(await db.timeline.count()).toBe(1);
    expect(await db.members.count()).toBe(1);
    expect(await getMeta(db, 'cursor')).toBe('cursor-1');
  });

  it('keeps the last change of a row within a page', async () => {
    const db = freshDb();
    const c = customer();
    await applyPullPage(db, [{ entity: 'customer', op: 'upsert', row: c }, { entity: 'customer', op: 'delete', id: c.id }], 'c2');
    expect(await db.customers.count()).toBe(0);
  });

  it('never overwrites or deletes a row that has a pending outbox entry', async () => {
    const db = freshDb();
    const { customerId } = await createCustomerFromSender(db, { customerName: 'Mine', contactName: 'M', email: 'm@mine.example' });
    const server = customer({ id: customerId, name: 'Server version' });
    await applyPullPage(db, [{ entity: 'customer', op: 'upsert', row: server }], 'c1');
    expect((await db.customers.get(customerId))?.name).toBe('Mine');
    await applyPullPage(db, [{ entity: 'customer', op: 'delete', id: customerId }], 'c2');
    expect(await db.customers.get(customerId)).toBeDefined();
    // Once the server has applied it, the pull wins again.
    const entries = await db.outbox.toArray();
    await applyPushResults(db, entries.map((e) => ({ mutationId: e.id, status: 'applied' as const })));
    await applyPullPage(db, [{ entity: 'customer', op: 'upsert', row: server }], 'c3');
    expect((await db.customers.get(customerId))?.name).toBe('Server version');
  });
});

describe('resetReplica', () => {
  it('clears replica tables and the cursor but keeps the outbox and pending rows', async () => {
    const db = freshDb();
    const c = customer();
    await applyPullPage(db, [{ entity: 'customer', op: 'upsert', row: c }], 'old');
    const noteId = await addNote(db, { customerId: c.id, text: 'keep me', sourceRef: null });
    await resetReplica(db);
    expect(await db.customers.count()).toBe(0);
    expect(await db.timeline.get(noteId)).toBeDefined();
    expect(await db.outbox.count()).toBe(1);
    expect(await getMeta(db, 'cursor')).toBeNull();
  });

  it('after a reset, a refused edit of a row the download no longer brings is dismissed without bringing the row back', async () => {
    const db = freshDb();
    const gone = customer({ name: 'Deleted on the server meanwhile' });
    const kept = customer({ name: 'Still there' });
    await db.customers.bulkAdd([toLocalCustomer({ ...gone, name: 'My edit' }), toLocalCustomer(kept)]);
    const edit: Mutation = { id: uuidv7(), kind: 'customer.update', baseVersion: 1, payload: { id: gone.id, patch: { name: 'My edit' } } };
    await db.outbox.add({ id: edit.id, entityId: gone.id, entity: 'customer', mutation: edit, status: 'pending', createdAt: gone.createdAt, previousRow: toLocalCustomer(gone) });
    await resetReplica(db);
    // The download from nothing carries no tombstones: only the rows that exist.
    await applyPullPage(db, [{ entity: 'customer', op: 'upsert', row: kept }], 'fresh');
    await applyPushResults(db, [{ mutationId: edit.id, status: 'rejected', code: 'not_found', reason: 'The customer has been deleted.' }]);
    await dismissRejected(db, edit.id);
    expect((await db.customers.toArray()).map((c) => c.name)).toEqual(['Still there']);
  });

  it('after a reset, an edit the server applies keeps its row until the download brings the server version', async () => {
    const db = freshDb();
    const row = customer({ name: 'Edited' });
    await db.customers.add(toLocalCustomer(row));
    const edit: Mutation = { id: uuidv7(), kind: 'customer.update', baseVersion: 1, payload: { id: row.id, patch: { name: 'Edited' } } };
    await db.outbox.add({ id: edit.id, entityId: row.id, entity: 'customer', mutation: edit, status: 'pending', createdAt: row.createdAt, previousRow: toLocalCustomer(row) });
    await resetReplica(db);
    await applyPushResults(db, [{ mutationId: edit.id, status: 'applied' }]);
    expect((await db.customers.get(row.id))?.name).toBe('Edited');
  });
});

describe('push results', () => {
  it('applied removes the entry, rejected keeps it with code and reason', async () => {
    const db = freshDb();
    await createCustomerFromSender(db, { customerName: 'A', contactName: 'B', email: 'b@a-corp.example' });
    const [first, second] = await pendingBatch(db, 200);
    await applyPushResults(db, [
      { mutationId: first!.id, status: 'applied' },
      { mutationId: second!.id, status: 'rejected', code: 'invalid', reason: 'email already used' },
    ]);
    const left = await db.outbox.toArray();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ id: second!.id, status: 'rejected', code: 'invalid', reason: 'email already used' });
    expect(await pendingBatch(db, 200)).toEqual([]);
  });
});

describe('a server change held back for a pending edit', () => {
  it('is restored when the refused edit is dismissed: the newest server version, not ours', async () => {
    const db = freshDb();
    const server = customer({ name: 'Server name', version: 1 });
    await db.customers.add(toLocalCustomer({ ...server, name: 'My local edit' }));
    const edit: Mutation = { id: uuidv7(), kind: 'customer.update', baseVersion: 1, payload: { id: server.id, patch: { name: 'My local edit' } } };
    await db.outbox.add({ id: edit.id, entityId: server.id, entity: 'customer', mutation: edit, status: 'pending', createdAt: server.createdAt });

    // Two pulls while the edit is pending: the row is protected, the cursor moves on.
    await applyPullPage(db, [{ entity: 'customer', op: 'upsert', row: { ...server, name: 'Server v2', version: 2 } }], 'c1');
    await applyPullPage(db, [{ entity: 'customer', op: 'upsert', row: { ...server, name: 'Server v3', version: 3 } }], 'c2');
    expect((await db.customers.get(server.id))?.name).toBe('My local edit');

    await applyPushResults(db, [{ mutationId: edit.id, status: 'rejected', code: 'conflict', reason: 'no' }]);
    await dismissRejected(db, edit.id);
    expect(await db.customers.get(server.id)).toMatchObject({ name: 'Server v3', version: 3 });
    expect(await db.outbox.count()).toBe(0);
  });

  it('is put in once the server applies the edit and no other change to the row is listed', async () => {
    const db = freshDb();
    const server = customer({ name: 'Server name', version: 1 });
    await db.customers.add(toLocalCustomer({ ...server, name: 'Second edit' }));
    const edits: Mutation[] = ['First edit', 'Second edit'].map((name) => ({ id: uuidv7(), kind: 'customer.update', baseVersion: 1, payload: { id: server.id, patch: { name } } }));
    for (const edit of edits) await db.outbox.add({ id: edit.id, entityId: server.id, entity: 'customer', mutation: edit, status: 'pending', createdAt: server.createdAt });
    await applyPullPage(db, [{ entity: 'customer', op: 'upsert', row: { ...server, name: '宝钢 v2', version: 2 } }], 'c1');
    await applyPushResults(db, [{ mutationId: edits[0]!.id, status: 'applied' }]);
    expect((await db.customers.get(server.id))?.name).toBe('Second edit');
    await applyPushResults(db, [{ mutationId: edits[1]!.id, status: 'applied' }]);
    // Pinyin keys included: the row is searchable as the server wrote it.
    expect(await db.customers.get(server.id)).toEqual(toLocalCustomer({ ...server, name: '宝钢 v2', version: 2 }));
  });

  it('is a tombstone when the server deleted the row meanwhile', async () => {
    const db = freshDb();
    const row = customer();
    await db.customers.add(toLocalCustomer(row));
    const edit: Mutation = { id: uuidv7(), kind: 'customer.update', baseVersion: 1, payload: { id: row.id, patch: { name: 'x' } } };
    await db.outbox.add({ id: edit.id, entityId: row.id, entity: 'customer', mutation: edit, status: 'pending', createdAt: row.createdAt });
    await applyPullPage(db, [{ entity: 'customer', op: 'delete', id: row.id }], 'c1');
    expect(await db.customers.get(row.id)).toBeDefined();
    await applyPushResults(db, [{ mutationId: edit.id, status: 'rejected', code: 'not_found', reason: 'gone' }]);
    await dismissRejected(db, edit.id);
    expect(await db.customers.get(row.id)).toBeUndefined();
  });
});
