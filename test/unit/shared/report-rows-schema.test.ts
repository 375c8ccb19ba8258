import { describe, expect, it } from 'vitest';
import { drillFilterSchema, drillInputSchema } from '../../../shared/schemas/report-rows';

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
const REP = '01a20796-0000-7000-8000-0000000000a1';

describe('the drill filter’s month (one bar of new customers per rep per month)', () => {
  it('takes a calendar month YYYY-MM, with or without an owner', () => {
    expect(drillFilterSchema.parse({ month: '2026-11' })).toEqual({ month: '2026-11' });
    expect(drillFilterSchema.parse({ ownerUserId: REP, month: '2026-01' })).toEqual({ ownerUserId: REP, month: '2026-01' });
    expect(drillFilterSchema.parse({ ownerUserId: null, month: '2999-12' })).toEqual({ ownerUserId: null, month: '2999-12' });
    expect(drillFilterSchema.parse({ month: '1970-01' })).toEqual({ month: '1970-01' });
    const input = drillInputSchema.parse({ period: { kind: 'this-month' }, scope: 'me', figure: 'growth.newCustomers', filter: { ownerUserId: REP, month: '2026-11' } });
    expect(input.filter).toEqual({ ownerUserId: REP, month: '2026-11' });
  });

  it('refuses anything else, saying which field and what it must be', () => {
    for (const month of ['2026-13', '2026-00', '2026-1', '26-11', '2026-11-01', '2026/11', ' 2026-11', '2026-11\n', '二〇二六-11', '']) {
      expect([month, messages(drillFilterSchema.safeParse({ month }))]).toEqual([month, ['month: must be a month such as 2026-11']]);
    }
    // Years as report periods have them: '0099-11' would be read as 1999 by Date.UTC, and a
    // month of 9999 would end at an instant PostgreSQL cannot read.
    for (const month of ['0099-11', '1969-12', '3000-01', '9999-12']) {
      expect([month, messages(drillFilterSchema.safeParse({ month }))]).toEqual([month, ['month: must be a month from 1970-01 to 2999-12']]);
    }
    expect(messages(drillFilterSchema.safeParse({ month: 202611 }))).toEqual([expect.stringMatching(/^month: /)]);
    const bad = drillInputSchema.safeParse({ period: { kind: 'this-month' }, scope: 'me', figure: 'growth.newCustomers', filter: { month: '2026-13' } });
    expect(messages(bad)).toEqual(['filter.month: must be a month such as 2026-11']);
  });
});
