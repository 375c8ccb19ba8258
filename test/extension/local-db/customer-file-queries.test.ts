import { describe, expect, it } from 'vitest';
import { contactsOf } from '../../../extension/local-db/queries/contacts';
import { customerById } from '../../../extension/local-db/queries/customer';
import { lastTouchOf } from '../../../extension/local-db/queries/last-touch';
import { freshDb, localContact, localCustomer, timelineItem } from './helpers';

describe('customer file queries', () => {
  it('finds a customer by id and lists its contacts by name', async () => {
    const db = freshDb();
    const c = localCustomer();
    await db.customers.add(c);
    await db.contacts.bulkAdd([
      localContact(c.id, { name: 'Zoe' }),
      localContact(c.id, { name: 'Adam' }),
      localContact(localCustomer().id, { name: 'Other' }),
    ]);
    expect((await customerById(db, c.id))?.name).toBe(c.name);
    expect(await customerById(db, '01a20796-0000-7000-8000-00000000dead')).toBeNull();
    expect((await contactsOf(db, c.id)).map((p) => p.name)).toEqual(['Adam', 'Zoe']);
  });

  it('takes the newest touch (email, call, meeting, visit), comparing instants across offsets', async () => {
    const db = freshDb();
    const c = localCustomer();
    expect(await lastTouchOf(db, c.id)).toBeNull();
    await db.timeline.bulkAdd([
      timelineItem(c.id, { kind: 'email', occurredAt: '2026-02-01T00:00:00Z' }),
      timelineItem(c.id, { kind: 'call', occurredAt: '2026-02-03T07:00:00+08:00' }), // 2026-02-02T23:00Z
      timelineItem(c.id, { kind: 'meeting', occurredAt: '2026-02-02T22:00:00Z' }),
      timelineItem(c.id, { kind: 'note', occurredAt: '2026-03-01T00:00:00Z' }), // not a touch
      timelineItem(localCustomer().id, { kind: 'email', occurredAt: '2026-04-01T00:00:00Z' }),
    ]);
    expect(await lastTouchOf(db, c.id)).toBe('2026-02-03T07:00:00+08:00');
  });

  it('leaves out a meeting still to come (an imported calendar event): it is not a touch yet', async () => {
    const db = freshDb();
    const c = localCustomer();
    // Relative to the real clock, so the test holds at any time of day.
    const start = Date.now();
    const email = new Date(start - 8 * 86_400_000).toISOString();
    const meeting = new Date(start + 7 * 86_400_000).toISOString();
    await db.timeline.bulkAdd([timelineItem(c.id, { kind: 'email', occurredAt: email }), timelineItem(c.id, { kind: 'meeting', occurredAt: meeting })]);
    // At query time (the default), then at an instant after the meeting.
    expect(await lastTouchOf(db, c.id)).toBe(email);
    expect(await lastTouchOf(db, c.id, new Date(Date.parse(meeting) + 1))).toBe(meeting);
  });
});
