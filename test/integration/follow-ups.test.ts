import { describe, expect, it } from 'vitest';
import { followUpRow } from '../support/follow-up-rows';
import { signedInAdmin, invitedUser } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { customerOf, fu } from './support/follow-ups';
import { m, outcomes } from './support/mutations';
import { pullAll, rowsOf } from './support/pull';

describe.each(databaseKinds)('follow-up mutations on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    it('creates, reschedules, completes with a rating and reopens a follow-up; everyone pulls it', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const rep = await invitedUser(services, admin, 'rep@a.example');
      // The rep's customer (issue 7: a rep works on their own and shared customers).
      const customerId = await customerOf(admin, '宝钢股份', { ownerUserId: rep.userId });
      const contact = m.createContact(customerId, '王芳', ['wang.fang@baosteel.example']);
      const note = m.createNote(customerId, '客户询问三季度价格');
      const create = fu.create(customerId, rep.userId, {
        contactId: contact.payload.id,
        sourceId: note.payload.id,
        replyWatch: { threadRef: 'gmail:18f3a2b4c5d6e7f1', afterMessageId: '18f3a2b4c5d6e7f0' },
      });
      const id = create.payload.id;
      const api = await rep.api();
      const steps = [
        contact,
        note,
        create,
        fu.update(id, { dueAt: '2026-12-11T02:00:00.000Z', reason: '报价跟进：三季度' }),
        fu.complete(id, 'done', { outcome: '客户接受报价', satisfaction: 5 }),
      ];
      expect(outcomes(await api.sync.push({ mutations: steps }))).toEqual(Array(5).fill('applied'));

      const [row] = rowsOf((await pullAll(await admin.api())).changes, 'followUp');
      expect(row).toMatchObject({
        id,
        customerId,
        contactId: contact.payload.id,
        ownerUserId: rep.userId,
        dueAt: '2026-12-11T02:00:00.000Z',
        reason: '报价跟进：三季度',
        purpose: 'no_reply',
        source: 'email_reply',
        status: 'done',
        closedBy: 'user',
        outcome: '客户接受报价',
        satisfaction: 5,
        completedByUserId: rep.userId,
        createdByUserId: rep.userId,
        sourceId: note.payload.id,
      });

      expect(outcomes(await api.sync.push({ mutations: [fu.reopen(id)] }))).toEqual(['applied']);
      const [reopened] = rowsOf((await pullAll(await rep.api())).changes, 'followUp');
      expect(reopened).toMatchObject({ status: 'open', closedBy: null, completedAt: null, outcome: null, satisfaction: null });
    });

    it('refuses what it cannot honour, with a reason, and writes nothing for it', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const other = await signedInAdmin(services, 'Org B', 'admin@b.example');
      const customerId = await customerOf(admin, 'Acme');
      const otherCustomer = await customerOf(other, 'Other Co');
      const secondCustomer = await customerOf(admin, 'Second Co');
      const strangerContact = m.createContact(secondCustomer, 'Not theirs', []);
      const api = await admin.api();
      await api.sync.push({ mutations: [strangerContact] });

      const open = fu.create(customerId, admin.userId);
      const skipped = fu.create(customerId, admin.userId);
      await api.sync.push({ mutations: [open, skipped, fu.complete(skipped.payload.id, 'skipped')] });
      const out = await api.sync.push({
        mutations: [
          fu.create(otherCustomer, admin.userId),
          fu.create(customerId, other.userId),
          fu.create(customerId, admin.userId, { contactId: strangerContact.payload.id }),
          fu.create(customerId, admin.userId, { sourceId: otherCustomer }),
          fu.update(skipped.payload.id, { dueAt: '2026-12-20T01:00:00.000Z' }),
          fu.update(open.payload.id, { reason: '' }),
          fu.complete(open.payload.id, 'skipped', { satisfaction: 4 }),
          fu.customerReplied(open.payload.id),
          fu.complete(skipped.payload.id, 'skipped'),
          fu.complete(skipped.payload.id, 'done'),
        ],
      });
      expect(outcomes(out)).toEqual(['not_found', 'invalid', 'invalid', 'invalid', 'invalid', 'invalid', 'invalid', 'invalid', 'applied', 'conflict']);
      expect(out.results.map((r) => (r.status === 'rejected' ? r.reason : ''))).toEqual([
        'The customer does not exist.',
        'The owner is not an active member of this organisation.',
        'The contact is not a contact of this customer.',
        'The timeline item it follows up is not on this customer’s timeline.',
        'This follow-up has ended; reopen it before changing it.',
        'Say what to follow up on.',
        'A rating needs the follow-up done, not skipped.',
        'This follow-up does not wait for a reply.',
        '',
        'It was already marked skipped.',
      ]);
      const rows = rowsOf((await pullAll(api)).changes, 'followUp');
      expect(rows.map((r) => [r.id, r.status]).sort()).toEqual(
        [
          [open.payload.id, 'open'],
          [skipped.payload.id, 'skipped'],
        ].sort(),
      );
      // Another organisation sees none of it.
      expect(rowsOf((await pullAll(await other.api())).changes, 'followUp')).toEqual([]);
    });

    it('completing an ended follow-up again is a no-op only when nothing differs; another outcome or rating is a conflict', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const colleague = await invitedUser(services, admin, 'li.na@a.example', 'admin');
      const customerId = await customerOf(admin, '宝钢股份');
      const create = fu.create(customerId, admin.userId);
      const id = create.payload.id;
      const api = await admin.api();
      await api.sync.push({ mutations: [create, fu.complete(id, 'done', { outcome: '客户接受报价', satisfaction: 5 })] });

      // The colleague ends it too, offline, from the same conversation: the same words and rating,
      // or none, change nothing; other words or another rating would be lost, so they are refused.
      const out = await (await colleague.api()).sync.push({
        mutations: [
          fu.complete(id, 'done', { outcome: '客户接受报价', satisfaction: 5 }),
          fu.complete(id, 'done', { outcome: '客户要求再降价', satisfaction: 5 }),
          fu.complete(id, 'done', { outcome: '客户接受报价', satisfaction: 2 }),
          fu.complete(id, 'done'),
        ],
      });
      expect(outcomes(out)).toEqual(['applied', 'conflict', 'conflict', 'applied']);
      const reasons = out.results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      expect(new Set(reasons)).toEqual(new Set(['It was already marked done, with another outcome or rating; reopen it to record yours.']));
      const [row] = rowsOf((await pullAll(api)).changes, 'followUp');
      expect(row).toMatchObject({ status: 'done', outcome: '客户接受报价', satisfaction: 5, completedByUserId: admin.userId });
    });

    it('"the customer replied" ends a no-reply follow-up once, as the customer’s doing', async () => {
      const { services } = testDb();
      const admin = await signedInAdmin(services);
      const customerId = await customerOf(admin, 'Northwind');
      const create = fu.create(customerId, admin.userId, { replyWatch: { threadRef: 'gmail:abc123', afterMessageId: 'm1' } });
      const api = await admin.api();
      const replied = fu.customerReplied(create.payload.id);
      expect(outcomes(await api.sync.push({ mutations: [create, replied, fu.customerReplied(create.payload.id)] }))).toEqual([
        'applied',
        'applied',
        'applied',
      ]);
      const [row] = rowsOf((await pullAll(api)).changes, 'followUp');
      expect(row).toMatchObject({ status: 'done', closedBy: 'customer_reply', completedAt: '2026-12-03T03:00:00.000Z', completedByUserId: null });
    });

    it('a logged touch goes on the timeline and ends the open cadence follow-ups it satisfies', async () => {
      const t = testDb();
      const admin = await signedInAdmin(t.services);
      const customerId = await customerOf(admin, '华东贸易', { customerClass: 'A', ownerUserId: admin.userId });
      const row = (purpose: 'cadence_touch' | 'cadence_visit') => followUpRow(customerId, admin.userId, { purpose });
      const touch = row('cadence_touch');
      const visit = row('cadence_visit');
      await t.store.transaction(async (repos) => {
        await repos.followUps.insertRuleMade(admin.orgId, touch, 'k1');
        await repos.followUps.insertRuleMade(admin.orgId, visit, 'k2');
        await repos.changeLog.append(admin.orgId, 'followUp', touch.id, 'upsert');
        await repos.changeLog.append(admin.orgId, 'followUp', visit.id, 'upsert');
      });
      const api = await admin.api();
      const call = fu.logTouch(customerId, 'call', '2026-12-02T03:00:00.000Z');
      const future = fu.logTouch(customerId, 'call', new Date(Date.now() + 3 * 3_600_000).toISOString());
      const out = await api.sync.push({ mutations: [call, future] });
      expect(outcomes(out)).toEqual(['applied', 'invalid']);
      let rows = rowsOf((await pullAll(api)).changes, 'followUp');
      expect(rows.find((r) => r.id === touch.id)).toMatchObject({ status: 'done', closedBy: 'touch' });
      expect(rows.find((r) => r.id === visit.id)).toMatchObject({ status: 'open' });
      const items = rowsOf((await pullAll(api)).changes, 'timelineItem');
      expect(items).toEqual([expect.objectContaining({ id: call.payload.id, kind: 'call', summary: '电话沟通交期', authorUserId: admin.userId })]);

      await api.sync.push({ mutations: [fu.logTouch(customerId, 'visit', '2026-12-02T05:00:00.000Z', '拜访总经理')] });
      rows = rowsOf((await pullAll(api)).changes, 'followUp');
      expect(rows.find((r) => r.id === visit.id)).toMatchObject({ status: 'done', closedBy: 'touch' });
    });
  });
});
