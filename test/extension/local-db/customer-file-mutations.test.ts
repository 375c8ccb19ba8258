import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { matchKeyOf } from '../../../shared/domain/email';
import { matchChoiceId } from '../../../shared/domain/match-choice';
import { setMeta } from '../../../extension/local-db/meta';
import { addContact } from '../../../extension/local-db/mutations/add-contact';
import { deleteContact } from '../../../extension/local-db/mutations/delete-contact';
import { dismissRejected } from '../../../extension/local-db/mutations/dismiss-rejected';
import { setMatchChoice } from '../../../extension/local-db/mutations/set-match-choice';
import { updateContact } from '../../../extension/local-db/mutations/update-contact';
import { updateCustomer } from '../../../extension/local-db/mutations/update-customer';
import { matchSender } from '../../../extension/local-db/queries/match-context';
import { applyPushResults } from '../../../extension/local-db/sync-store';
import { freshDb, localContact, localCustomer } from './helpers';

const USER_ID = '01a20796-0000-7000-8000-000000000001';
const signIn = (db: ReturnType<typeof freshDb>) =>
  setMeta(db, 'session', { userId: USER_ID, email: 'me@ourco.example', displayName: 'Me', organisationId: 'o', organisationName: 'Our Co' });

async function refuse(db: ReturnType<typeof freshDb>): Promise<void> {
  const entries = await db.outbox.toArray();
  await applyPushResults(
    db,
    entries.map((e) => ({ mutationId: e.id, status: 'rejected' as const, code: 'forbidden' as const, reason: 'no' })),
  );
  for (const e of entries) await dismissRejected(db, e.id);
}

describe('updateCustomer', () => {
  it('applies a group patch optimistically, keeps the version, and queues the patch with previousRow', async () => {
    const db = freshDb();
    const c = localCustomer({ profile: { ...localCustomer().profile, address: '上海市浦东新区' } });
    await db.customers.add(c);
    await updateCustomer(db, c.id, { profile: { phone: ' +86 21 1234 5678 ' }, customerClass: 'B', tags: ['钢材'] });
    const row = await db.customers.get(c.id);
    expect(row).toMatchObject({ version: c.version, customerClass: 'B', tags: ['钢材'] });
    // The other profile fields are kept (a group patch names sub-fields only).
    expect(row?.profile).toMatchObject({ phone: '+86 21 1234 5678', address: '上海市浦东新区' });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ entity: 'customer', entityId: c.id, status: 'pending', previousRow: { id: c.id, customerClass: 'A' } });
    expect(entry?.mutation).toMatchObject({ kind: 'customer.update', baseVersion: c.version, payload: { id: c.id, patch: { profile: { phone: '+86 21 1234 5678' } } } });
    expect(row?.searchKeys).toBeDefined();
  });

  it.each([
    ['a bad phone', { profile: { phone: 'call me maybe' } }, ['payload', 'patch', 'profile', 'phone']],
    ['a class that does not exist', { customerClass: 'D' }, ['payload', 'patch', 'customerClass']],
    ['a bad website', { profile: { website: 'javascript:alert(1)' } }, ['payload', 'patch', 'profile', 'website']],
    ['a bad domain', { emailDomains: ['not a domain'] }, ['payload', 'patch', 'emailDomains', 0]],
  ])('throws a ZodError for %s and writes nothing', async (_name, patch, path) => {
    const db = freshDb();
    const c = localCustomer();
    await db.customers.add(c);
    const error = await updateCustomer(db, c.id, patch as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues[0]?.path).toEqual(path);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.customers.get(c.id)).toEqual(c);
  });

  it('checks custom field values against the replicated definitions', async () => {
    const db = freshDb();
    const c = localCustomer();
    await db.customers.add(c);
    await db.customFields.add({ id: '01a20796-0000-7000-8000-0000000000f1', key: 'erp_id', label: 'ERP', type: 'number', options: [], position: 0, updatedAt: c.createdAt, version: 1 });
    const error = await updateCustomer(db, c.id, { customFields: { erp_id: 'abc' } }).catch((e: unknown) => e);
    expect((error as ZodError).issues[0]?.path).toEqual(['payload', 'patch', 'customFields', 'erp_id']);
    expect(await updateCustomer(db, c.id, { customFields: { unknown_key: 'x' } }).catch((e: unknown) => e)).toBeInstanceOf(ZodError);
    expect(await db.outbox.count()).toBe(0);
    await updateCustomer(db, c.id, { customFields: { erp_id: 42 } });
    expect((await db.customers.get(c.id))?.customFields).toEqual({ erp_id: 42 });
    // null removes the value.
    await updateCustomer(db, c.id, { customFields: { erp_id: null } });
    expect((await db.customers.get(c.id))?.customFields).toEqual({});
  });

  it('restores the row before the edit when a refused edit is dismissed', async () => {
    const db = freshDb();
    const c = localCustomer();
    await db.customers.add(c);
    await updateCustomer(db, c.id, { name: 'Renamed' });
    await refuse(db);
    expect(await db.customers.get(c.id)).toEqual(c);
  });

  it('leaves nothing when the outbox write fails', async () => {
    const db = freshDb();
    const c = localCustomer();
    await db.customers.add(c);
    db.outbox.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(updateCustomer(db, c.id, { name: 'X' })).rejects.toThrow();
    expect(await db.customers.get(c.id)).toEqual(c);
  });
});

describe('contacts', () => {
  it('adds a contact with normalised, deduplicated emails and its derived keys', async () => {
    const db = freshDb();
    const c = localCustomer();
    await db.customers.add(c);
    const id = await addContact(db, { customerId: c.id, name: '王芳', emails: ['Wang.Fang@Northwind.example', 'wang.fang@northwind.example'], phones: ['+86 10 8888 0000'] });
    const row = await db.contacts.get(id);
    expect(row).toMatchObject({ customerId: c.id, name: '王芳', emails: ['wang.fang@northwind.example'], emailKeys: ['wang.fang@northwind.example'], version: 0, buyingRole: null });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ entity: 'contact', entityId: id, mutation: { kind: 'contact.create' } });
  });

  it('refuses a bad email or phone before writing', async () => {
    const db = freshDb();
    const c = localCustomer();
    await db.customers.add(c);
    const bad = await addContact(db, { customerId: c.id, name: 'X', emails: ['not-an-email'] }).catch((e: unknown) => e);
    expect((bad as ZodError).issues[0]?.path).toEqual(['payload', 'emails', 0]);
    await expect(addContact(db, { customerId: c.id, name: 'X', phones: ['<b>1</b>'] })).rejects.toBeInstanceOf(ZodError);
    expect(await db.contacts.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('updates a contact, and a second address then matches the same customer', async () => {
    const db = freshDb();
    const c = localCustomer({ emailDomains: [] });
    const p = localContact(c.id);
    await db.customers.add(c);
    await db.contacts.add(p);
    await updateContact(db, p.id, { emails: [...p.emails, 'O.Park@Old-Northwind.example'], buyingRole: 'decision_maker', relationshipStrength: 4 });
    const row = await db.contacts.get(p.id);
    expect(row).toMatchObject({ buyingRole: 'decision_maker', relationshipStrength: 4, version: p.version });
    expect(row?.emails).toEqual(['olivia.park@northwind.example', 'o.park@old-northwind.example']);
    const match = await matchSender(db, { email: 'O.Park+Orders@OLD-northwind.example', name: 'Olivia', role: 'from' });
    expect(match).toMatchObject({ kind: 'matched', customer: { id: c.id }, reason: { kind: 'contact', contactId: p.id } });
    const bad = await updateContact(db, p.id, { relationshipStrength: 9 }).catch((e: unknown) => e);
    expect((bad as ZodError).issues[0]?.path).toEqual(['payload', 'patch', 'relationshipStrength']);
  });

  it('deletes a contact, and a refused deletion brings it back', async () => {
    const db = freshDb();
    const c = localCustomer();
    const p = localContact(c.id);
    await db.customers.add(c);
    await db.contacts.add(p);
    await deleteContact(db, p.id);
    expect(await db.contacts.get(p.id)).toBeUndefined();
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ entityId: p.id, mutation: { kind: 'contact.delete', payload: { id: p.id } } });
    await refuse(db);
    expect(await db.contacts.get(p.id)).toEqual(p);
  });
});

describe('setMatchChoice', () => {
  it('remembers the pick under the id every tier derives, and the match follows it', async () => {
    const db = freshDb();
    await signIn(db);
    const a = localCustomer({ name: 'Alpha Steel', emailDomains: ['shared.example'] });
    const b = localCustomer({ name: 'Beta Steel', emailDomains: ['shared.example'] });
    await db.customers.bulkAdd([a, b]);
    const sender = { email: 'Buyer+q2@Shared.example', name: 'Buyer', role: 'from' as const };
    expect(await matchSender(db, sender)).toMatchObject({ kind: 'ambiguous' });
    await setMatchChoice(db, sender.email, b.id);
    const id = await matchChoiceId(USER_ID, matchKeyOf(sender.email));
    expect(await db.matchChoices.get(id)).toMatchObject({ addressKey: 'buyer@shared.example', customerId: b.id });
    expect(await matchSender(db, { ...sender, email: 'buyer@shared.example' })).toMatchObject({ kind: 'matched', customer: { id: b.id }, chosen: true });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ entity: 'matchChoice', entityId: id, previousRow: null, mutation: { kind: 'matchChoice.set', payload: { customerId: b.id } } });
    // A refused first choice leaves no choice behind.
    await refuse(db);
    expect(await db.matchChoices.get(id)).toBeUndefined();
  });

  it('needs a signed-in user', async () => {
    const db = freshDb();
    await expect(setMatchChoice(db, 'a@b.example', '01a20796-0000-7000-8000-000000000002')).rejects.toThrow(/signed in/);
  });
});
