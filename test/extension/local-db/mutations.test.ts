import { describe, expect, it } from 'vitest';
import { toLocalCustomer } from '../../../extension/local-db/local-rows';
import { addNote } from '../../../extension/local-db/mutations/add-note';
import { createCustomerFromSender } from '../../../extension/local-db/mutations/create-customer';
import { dismissRejected } from '../../../extension/local-db/mutations/dismiss-rejected';
import { setMeta } from '../../../extension/local-db/meta';
import { applyPushResults } from '../../../extension/local-db/sync-store';
import { customer, freshDb } from './helpers';

describe('createCustomerFromSender', () => {
  it('writes customer, contact and two ordered outbox entries together', async () => {
    const db = freshDb();
    const { customerId, contactId } = await createCustomerFromSender(db, {
      customerName: 'Newco Trading',
      contactName: 'Marco Rossi',
      email: 'Marco.Rossi@NewCo-Trading.example',
    });
    expect(await db.customers.get(customerId)).toMatchObject({ name: 'Newco Trading', emailDomains: ['newco-trading.example'], version: 0 });
    expect(await db.contacts.get(contactId)).toMatchObject({ customerId, emails: ['marco.rossi@newco-trading.example'] });
    const outbox = await db.outbox.orderBy('id').toArray();
    expect(outbox.map((e) => e.mutation.kind)).toEqual(['customer.create', 'contact.create']);
    expect(outbox.map((e) => e.entityId)).toEqual([customerId, contactId]);
    expect(outbox.every((e) => e.status === 'pending')).toBe(true);
  });

  it('makes the signed-in user the owner, and leaves it unassigned when nobody is signed in', async () => {
    const db = freshDb();
    const input = { customerName: 'Owned Co', contactName: 'A', email: 'a@owned.example' };
    const unowned = await createCustomerFromSender(db, input);
    expect((await db.customers.get(unowned.customerId))?.ownerUserId).toBeNull();
    const userId = '01a20796-0000-7000-8000-000000000001';
    await setMeta(db, 'session', { userId, email: 'me@ourco.example', displayName: 'Me', organisationId: 'o', organisationName: 'Our Co' });
    const owned = await createCustomerFromSender(db, { ...input, email: 'b@owned.example' });
    expect((await db.customers.get(owned.customerId))?.ownerUserId).toBe(userId);
    const [, , entry] = await db.outbox.orderBy('id').toArray();
    expect(entry?.mutation).toMatchObject({ kind: 'customer.create', payload: { ownerUserId: userId } });
  });

  it('gives a free-mail sender no email domain', async () => {
    const db = freshDb();
    const { customerId } = await createCustomerFromSender(db, { customerName: 'Sam Lee', contactName: 'Sam Lee', email: 'someone@gmail.com' });
    expect((await db.customers.get(customerId))?.emailDomains).toEqual([]);
  });

  it('leaves neither row nor outbox entry when a write fails', async () => {
    const db = freshDb();
    db.outbox.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(
      createCustomerFromSender(db, { customerName: 'X', contactName: 'Y', email: 'y@x-corp.example' }),
    ).rejects.toThrow();
    expect(await db.customers.count()).toBe(0);
    expect(await db.contacts.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('validates against the mutation schema before writing', async () => {
    const db = freshDb();
    await expect(createCustomerFromSender(db, { customerName: '  ', contactName: 'Y', email: 'y@x.example' })).rejects.toThrow();
    await expect(createCustomerFromSender(db, { customerName: 'X', contactName: 'Y', email: 'not-an-email' })).rejects.toThrow();
    expect(await db.customers.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('addNote', () => {
  it('writes the timeline row and a note.create entry atomically', async () => {
    const db = freshDb();
    const c = customer();
    await db.customers.add(toLocalCustomer(c));
    const id = await addNote(db, { customerId: c.id, text: ' 客户要求提前发货 ', sourceRef: '18f3a2b4c5d6e7f2' });
    expect(await db.timeline.get(id)).toMatchObject({ kind: 'note', summary: '客户要求提前发货', sourceRef: '18f3a2b4c5d6e7f2' });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ entityId: id, status: 'pending', mutation: { kind: 'note.create' } });
  });

  it('writes nothing when the outbox write fails, or for an empty note', async () => {
    const db = freshDb();
    const c = customer();
    await db.customers.add(toLocalCustomer(c));
    await expect(addNote(db, { customerId: c.id, text: '   ', sourceRef: null })).rejects.toThrow();
    db.outbox.hook('creating', () => {
      throw new Error('boom');
    });
    await expect(addNote(db, { customerId: c.id, text: 'hi', sourceRef: null })).rejects.toThrow();
    expect(await db.timeline.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('dismissRejected', () => {
  it('drops the entry and its optimistic row, and ignores pending entries', async () => {
    const db = freshDb();
    const c = customer();
    await db.customers.add(toLocalCustomer(c));
    const noteId = await addNote(db, { customerId: c.id, text: 'note', sourceRef: null });
    const [entry] = await db.outbox.toArray();
    await dismissRejected(db, entry!.id);
    expect(await db.outbox.count()).toBe(1); // still pending: not dismissable
    await applyPushResults(db, [{ mutationId: entry!.id, status: 'rejected', code: 'forbidden', reason: 'not your customer' }]);
    await dismissRejected(db, entry!.id);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.timeline.get(noteId)).toBeUndefined();
  });
});
