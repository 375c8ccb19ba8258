import { expect } from 'vitest';
import type { TestDatabase } from './databases';
import { m, outcomes } from './mutations';
import type { OrgWorld } from './org-world';
import { followUp, serviceItem, timelineItem, visit } from './records';

export const SECRET = { bank: '中国工商银行上海分行', projects: '新产线 2027' };
export const TAX = '91310000MA1FL0000X';

/** East Co (the East rep's, with sensitive fields and one record of every kind) and West Co (shared with East rep 2). */
export async function arrange(t: TestDatabase, w: OrgWorld) {
  const east = m.createCustomer('East Co', { taxNumber: TAX, sensitive: SECRET });
  const contact = m.createContact(east.payload.id, '张伟', ['zhang.wei@east.example']);
  const note = m.createNote(east.payload.id, 'shared note');
  const privateNote = m.createNote(east.payload.id, 'only mine');
  privateNote.payload = { ...privateNote.payload, private: true } as typeof privateNote.payload;
  expect(outcomes(await (await w.eastRep.api()).sync.push({ mutations: [east, contact, note, privateNote] }))).toEqual(Array(4).fill('applied'));
  const west = m.createCustomer('West Co', { sharedWith: [w.eastRep2.userId], taxNumber: '91440000WEST00000X' });
  const westNote = m.createNote(west.payload.id, 'west note');
  expect(outcomes(await (await w.westRep.api()).sync.push({ mutations: [west, westNote] }))).toEqual(['applied', 'applied']);

  const field = m.saveCustomField({ key: 'erp_id', label: 'ERP', type: 'text', options: [] });
  expect(outcomes(await (await w.admin.api()).sync.push({ mutations: [field] }))).toEqual(['applied']);
  const id = east.payload.id;
  const rows = {
    call: timelineItem(w.admin.userId, id, { kind: 'call' }),
    meeting: timelineItem(w.admin.userId, id, { kind: 'meeting' }),
    followUp: followUp(w.eastRep, id, { purpose: 'no_reply', replyWatch: { threadRef: 'gmail:18f3a2b4c5d6e7f1', afterMessageId: '18f3a2b4c5d6e7f0' } }),
    serviceItem: serviceItem(w.supportLead, id),
    visit: visit(w.eastRep, id),
  };
  await t.store.transaction(async (repos) => {
    await repos.timelineItems.insert(w.admin.orgId, rows.call);
    await repos.timelineItems.insert(w.admin.orgId, rows.meeting);
    await repos.followUps.insert(w.admin.orgId, rows.followUp);
    await repos.serviceItems.insert(w.admin.orgId, rows.serviceItem);
    await repos.visits.insert(w.admin.orgId, rows.visit);
    await repos.changeLog.appendMany(w.admin.orgId, [
      { entity: 'timelineItem', entityId: rows.call.id, op: 'upsert' },
      { entity: 'timelineItem', entityId: rows.meeting.id, op: 'upsert' },
      { entity: 'followUp', entityId: rows.followUp.id, op: 'upsert' },
      { entity: 'serviceItem', entityId: rows.serviceItem.id, op: 'upsert' },
      { entity: 'visit', entityId: rows.visit.id, op: 'upsert' },
    ]);
  });
  return {
    east: id,
    west: west.payload.id,
    ids: {
      contact: contact.payload.id,
      note: note.payload.id,
      privateNote: privateNote.payload.id,
      westNote: westNote.payload.id,
      call: rows.call.id,
      meeting: rows.meeting.id,
      followUp: rows.followUp.id,
      serviceItem: rows.serviceItem.id,
      visit: rows.visit.id,
      customField: field.payload.id,
    },
  };
}

export type Arranged = Awaited<ReturnType<typeof arrange>>;
