import { describe, expect, it } from 'vitest';
import type { Clue } from '../../../shared/schemas/host-context';
import { toLocalContact, toLocalCustomer } from '../../../extension/local-db/local-rows';
import { matchPage } from '../../../extension/local-db/queries/match-page';
import { contact, customer, freshDb } from './helpers';

const clue = (kind: Clue['kind'], value: string): Clue => ({ kind, value, source: 'rule' });

async function replica() {
  const db = freshDb();
  const lakeside = customer({ name: 'Lakeside Foods Ltd.', code: 'LF-0042', emailDomains: ['lakeside-foods.example'] });
  const huadong = customer({ name: '上海华东贸易有限公司', taxNumber: '91310000MA1FL4TQ26', emailDomains: [] });
  const twinA = customer({ name: 'Twin Steel East', emailDomains: ['twin-steel.example'] });
  const twinB = customer({ name: 'Twin Steel West', emailDomains: ['twin-steel.example'] });
  for (const c of [lakeside, huadong, twinA, twinB]) await db.customers.add(toLocalCustomer(c));
  const priya = contact(lakeside.id, { name: 'Priya Nair', emails: ['priya.nair@lakeside-foods.example'] });
  await db.contacts.add(toLocalContact(priya));
  return { db, lakeside, huadong, twinA, twinB, priya };
}

describe('matchPage over Dexie', () => {
  it('a customer code names its customer, before anything else on the page', async () => {
    const { db, lakeside } = await replica();
    const match = await matchPage(db, [clue('email', 'someone@twin-steel.example'), clue('code', 'lf-0042')], null);
    expect(match).toMatchObject({ kind: 'matched', customer: { id: lakeside.id }, reason: { kind: 'code', value: 'lf-0042' } });
  });

  it('a tax number, and a Chinese company name with or without its legal form', async () => {
    const { db, huadong } = await replica();
    expect(await matchPage(db, [clue('taxNumber', '91310000MA1FL4TQ26')], null)).toMatchObject({ kind: 'matched', customer: { id: huadong.id } });
    expect(await matchPage(db, [clue('name', '上海华东贸易')], null)).toMatchObject({ kind: 'matched', customer: { id: huadong.id } });
    expect(await matchPage(db, [clue('name', 'Lakeside Foods')], null)).toMatchObject({ kind: 'matched', reason: { kind: 'name' } });
    expect(await matchPage(db, [clue('name', 'Lakeside')], null)).toEqual({ kind: 'unknown' });
  });

  it('an address finds the contact; our own and colleagues\' addresses are no clue', async () => {
    const { db, lakeside, priya } = await replica();
    const clues = [clue('email', 'ben.wright@ourco.example'), clue('email', 'priya.nair@lakeside-foods.example')];
    expect(await matchPage(db, clues, 'me@ourco.example')).toMatchObject({
      kind: 'matched',
      customer: { id: lakeside.id },
      contact: { id: priya.id },
      reason: { kind: 'email', value: 'priya.nair@lakeside-foods.example' },
    });
    expect(await matchPage(db, [clue('email', 'me@ourco.example')], 'me@ourco.example')).toEqual({ kind: 'unknown' });
  });

  it('a clue naming several customers asks the user to pick', async () => {
    const { db, twinA, twinB } = await replica();
    const match = await matchPage(db, [clue('email', 'buyer@twin-steel.example')], null);
    expect(match).toMatchObject({ kind: 'ambiguous', candidates: [{ id: twinA.id }, { id: twinB.id }] });
  });
});
