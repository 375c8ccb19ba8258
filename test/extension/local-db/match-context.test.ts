import { describe, expect, it } from 'vitest';
import { toLocalContact, toLocalCustomer } from '../../../extension/local-db/local-rows';
import { matchSender } from '../../../extension/local-db/queries/match-context';
import { timelineOf } from '../../../extension/local-db/queries/timeline';
import { contact, customer, freshDb, timelineItem } from './helpers';

const sender = (email: string, name = 'X') => ({ email, name, role: 'from' as const });

describe('matchSender over Dexie', () => {
  it('matches by contact email first', async () => {
    const db = freshDb();
    const c = customer();
    const p = contact(c.id);
    await db.customers.add(toLocalCustomer(c));
    await db.contacts.add(toLocalContact(p));
    const match = await matchSender(db, sender('Olivia.Park@Northwind.example'));
    expect(match).toMatchObject({ kind: 'matched', customer: { id: c.id }, contact: { id: p.id }, reason: { kind: 'contact' } });
  });

  it('falls back to the sender domain', async () => {
    const db = freshDb();
    const c = customer();
    await db.customers.add(toLocalCustomer(c));
    const match = await matchSender(db, sender('daniel.kim@northwind.example'));
    expect(match).toMatchObject({ kind: 'matched', contact: null, reason: { kind: 'domain', domain: 'northwind.example' } });
  });

  it('never matches by a free-mail domain', async () => {
    const db = freshDb();
    await db.customers.add(toLocalCustomer(customer({ emailDomains: ['gmail.com'] })));
    expect(await matchSender(db, sender('someone@gmail.com'))).toMatchObject({ kind: 'unknown' });
  });

  it('reports unknown senders', async () => {
    const db = freshDb();
    await db.customers.add(toLocalCustomer(customer()));
    expect(await matchSender(db, sender('marco@newco-trading.example'))).toMatchObject({ kind: 'unknown' });
  });
});

describe('timelineOf', () => {
  it('lists one customer newest first', async () => {
    const db = freshDb();
    const c = customer();
    const other = customer();
    await db.timeline.bulkAdd([
      timelineItem(c.id, { summary: 'old', occurredAt: '2026-01-01T00:00:00Z' }),
      timelineItem(c.id, { summary: 'new', occurredAt: '2026-01-02T08:00:00+08:00' }),
      timelineItem(c.id, { summary: 'newest', occurredAt: '2026-01-02T01:00:00Z' }),
      timelineItem(other.id, { summary: 'not mine' }),
    ]);
    expect((await timelineOf(db, c.id)).map((i) => i.summary)).toEqual(['newest', 'new', 'old']);
  });
});
