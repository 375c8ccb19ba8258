import { describe, expect, it } from 'vitest';
import { visitTimelineItemId } from '../../shared/domain/visit-rules';
import { visitSchema } from '../../shared/schemas/visit';
import { invitedUser, signedInAdmin, type Actor } from './support/actors';
import { databaseKinds, kindLabel, useTestDatabase } from './support/databases';
import { m, outcomes } from './support/mutations';
import { pullAll, rowsOf } from './support/pull';
import { customerWithContact, sv } from './support/service-visits';

type Mutations = Parameters<Awaited<ReturnType<Actor['api']>>['sync']['push']>[0]['mutations'];
const push = async (actor: Actor, ...mutations: Mutations) => (await actor.api()).sync.push({ mutations });
const rejections = (out: Awaited<ReturnType<typeof push>>) => out.results.map((r) => (r.status === 'rejected' ? [r.code, r.reason] : r.status));

describe.each(databaseKinds)('visits on $name', (kind) => {
  describe.skipIf(kind.skipReason)(kindLabel(kind), () => {
    const testDb = useTestDatabase(kind);

    it('plan → report: a visit on the timeline, the customer’s last need and feedback, a thank-you and (first meeting) a proposal', async () => {
      const t = testDb();
      const admin = await signedInAdmin(t.services);
      const rep = await invitedUser(t.services, admin, 'rep@a.example');
      const { customerId, contactId } = await customerWithContact(admin, undefined, { ownerUserId: rep.userId });
      const plan = sv.plan(customerId, rep.userId, [contactId, contactId], { userIds: [rep.userId, admin.userId] });
      const id = plan.payload.id;
      expect(outcomes(await push(rep, plan, sv.updateVisit(id, { expectedResult: '签订框架协议' })))).toEqual(['applied', 'applied']);
      expect(outcomes(await push(rep, sv.report(id)))).toEqual(['applied']);

      const { changes } = await pullAll(await rep.api());
      const visit = visitSchema.parse(rowsOf(changes, 'visit')[0]);
      expect(visit).toMatchObject({
        status: 'held',
        firstMeeting: true,
        contactIds: [contactId],
        expectedResult: '签订框架协议',
        report: { outcome: '同意试用新规格', needs: '交期缩短到两周', feedbackTag: 'praise', satisfaction: 5, reportedByUserId: rep.userId },
        review: null,
      });
      expect(rowsOf(changes, 'timelineItem')).toEqual([
        expect.objectContaining({
          id: await visitTimelineItemId(id),
          kind: 'visit',
          occurredAt: '2026-03-03T08:30:00.000Z',
          authorUserId: rep.userId,
          contactIds: [contactId],
          summary: '拜访总经理，了解明年采购计划\n同意试用新规格',
        }),
      ]);
      expect(rowsOf(changes, 'customer')[0]!.needs).toMatchObject({
        lastNeed: '交期缩短到两周',
        lastNeedAt: '2026-03-03T08:30:00.000Z',
        lastFeedback: '对上次交货很满意',
        lastFeedbackAt: '2026-03-03T08:30:00.000Z',
      });
      // Held 16:30 Mar 3 in Shanghai: thank-you Mar 4, proposal Mar 6, at 09:00 there; owned by the visit's owner.
      const followUps = rowsOf(changes, 'followUp').sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
      expect(followUps.map((f) => [f.purpose, f.source, f.dueAt, f.ownerUserId, f.contactId, f.sourceId])).toEqual([
        ['visit_thank_you', 'visit', '2026-03-04T01:00:00.000Z', rep.userId, contactId, id],
        ['visit_proposal', 'visit', '2026-03-06T01:00:00.000Z', rep.userId, contactId, id],
      ]);

      const again = await push(rep, sv.report(id), sv.updateVisit(id, { purpose: '改期' }), sv.cancel(id));
      expect(rejections(again)).toEqual([
        ['conflict', 'The visit was already reported; its plan and report stay as they are.'],
        ['conflict', 'The visit was already reported; its plan and report stay as they are.'],
        ['conflict', 'The visit was already reported; its plan and report stay as they are.'],
      ]);
    });

    it('a later meeting makes no proposal; a cancelled visit takes no report', async () => {
      const t = testDb();
      const admin = await signedInAdmin(t.services);
      const { customerId, contactId } = await customerWithContact(admin);
      const later = sv.plan(customerId, admin.userId, [contactId]);
      const cancelled = sv.plan(customerId, admin.userId, [contactId]);
      await push(admin, later, cancelled, sv.report(later.payload.id, { firstMeeting: false, needs: null, feedback: null }), sv.cancel(cancelled.payload.id));
      const { changes } = await pullAll(await admin.api());
      expect(rowsOf(changes, 'followUp').map((f) => f.purpose)).toEqual(['visit_thank_you']);
      // No need or feedback written: the customer's needs stay empty.
      expect(rowsOf(changes, 'customer')[0]!.needs.lastNeed).toBeNull();
      expect(rejections(await push(admin, sv.report(cancelled.payload.id)))).toEqual([['conflict', 'The visit was cancelled.']]);
    });

    it('only managers and admins review reports, with a comment; a plan has no report to review', async () => {
      const t = testDb();
      const admin = await signedInAdmin(t.services);
      // The rep's customer, in the department the manager manages (issue 7).
      const department = (await (await admin.api()).departments.create({ name: '华东' })).id;
      const rep = await invitedUser(t.services, admin, 'rep@a.example', 'sales_rep', department);
      const manager = await invitedUser(t.services, admin, 'boss@a.example', 'manager', department);
      const { customerId, contactId } = await customerWithContact(admin, undefined, { ownerUserId: rep.userId });
      const held = sv.plan(customerId, rep.userId, [contactId]);
      const planned = sv.plan(customerId, rep.userId, [contactId]);
      await push(rep, held, planned, sv.report(held.payload.id));

      expect(rejections(await push(rep, sv.review(held.payload.id, '很好')))).toEqual([
        ['forbidden', 'Only a manager or an administrator can review visit reports.'],
      ]);
      expect(rejections(await push(manager, sv.review(planned.payload.id, '很好')))).toEqual([['conflict', 'The visit has no report to review yet.']]);
      expect(outcomes(await push(manager, sv.review(held.payload.id, '跟进报价，周五前发出')))).toEqual(['applied']);
      expect(outcomes(await push(admin, sv.review(held.payload.id, '同意')))).toEqual(['applied']);
      const visit = rowsOf((await pullAll(await rep.api())).changes, 'visit').find((v) => v.id === held.payload.id);
      expect(visit?.review).toEqual({ reviewerUserId: admin.userId, comment: '同意', reviewedAt: '2026-03-04T02:00:00.000Z' });
    });

    it('a plan names only this customer’s contacts, members, and meetings on its timeline; whom to meet is required', async () => {
      const t = testDb();
      const admin = await signedInAdmin(t.services);
      const { customerId, contactId } = await customerWithContact(admin);
      const other = await customerWithContact(admin, '鞍钢');
      const note = m.createNote(customerId, '不是会议');
      await push(admin, note);
      const out = await push(
        admin,
        sv.plan(customerId, admin.userId, [other.contactId]),
        sv.plan(customerId, admin.userId, [contactId], { userIds: ['01936b2e-7c4a-7d1e-9b5f-2a3c4d5e6f00'] }),
        sv.plan(customerId, admin.userId, [contactId], { meetingItemId: note.payload.id }),
      );
      expect(rejections(out)).toEqual([
        ['invalid', "A contact named here is not one of this customer's contacts."],
        ['invalid', 'A colleague named here is not a member of this organisation.'],
        ['invalid', "The meeting is not on this customer's timeline."],
      ]);
      await expect(push(admin, sv.plan(customerId, admin.userId, []))).rejects.toThrow(/choose whom you will meet/);
      const stranger = await signedInAdmin(t.services, 'Org B', 'admin@b.example');
      const plan = sv.plan(customerId, admin.userId, [contactId]);
      await push(admin, plan);
      expect(rejections(await push(stranger, sv.report(plan.payload.id)))).toEqual([['not_found', 'This visit does not exist.']]);
    });
  });
});
