// @vitest-environment happy-dom
// First: extension modules read the browser API when they load.
import '../../support/fake-chrome';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActivitySection } from '../../../../extension/pages/dashboard/activity-section';
import { CadenceSection } from '../../../../extension/pages/dashboard/cadence-section';
import { GrowthSection } from '../../../../extension/pages/dashboard/growth-section';
import { activityReportSchema, cadenceReportSchema, growthReportSchema } from '../../../../shared/schemas/reports';
import { $, click, waitFor } from '../../sidebar/render-sidebar';
import { charts, mountDashboard, opened as openedIn, unmountDashboard, PERIOD, pickBar, QUERY, type RowsInput } from './drill-harness';

/**
 * A click on a "follow-ups by source" bar or row, on the "unassigned" rep row, and on one rep's
 * bar of one month of "new customers per rep per month", asks the background for the rows with
 * the matching filter and shows them (ECharts recorded, the background answered: drill-harness.tsx).
 */
vi.mock('../../../../extension/pages/dashboard/echarts-setup', () => import('./drill-harness').then((h) => h.echartsRecorder));

const REP = '01a20796-0000-7000-8000-0000000000a1';

const activity = activityReportSchema.parse({
  period: PERIOD,
  followUps: { created: 5, createdBySource: { manual: 3, email_reply: 1, cadence: 0, complaint: 1, visit: 0, care: 0, import: 0 }, done: 1, skipped: 1, overdue: 3 },
  visits: { planned: 0, due: 0, held: 0, cancelled: 0, stillPlanned: 0, completion: null },
  visitReports: { reported: 0, reviewed: 0, share: null },
});
const cadence = cadenceReportSchema.parse({
  period: PERIOD,
  overall: { customers: 3, compliant: 1, share: 1 / 3 },
  dormant: { count: 2, byClass: { A: 0, B: 1, C: 1 } },
  byClass: [{ customerClass: 'B', touchDays: 7, customers: 3, compliant: 1, share: 1 / 3 }],
  byRep: [
    { userId: REP, name: '李娜', customers: 2, compliant: 1, share: 0.5 },
    { userId: null, name: null, customers: 1, compliant: 0, share: 0 },
  ],
});
const growth = growthReportSchema.parse({
  period: PERIOD,
  newCustomers: {
    target: 3,
    months: ['2026-10', '2026-11'],
    reps: [
      { userId: REP, name: '李娜', perMonth: [1, 3], total: 4, monthsOnTarget: 1 },
      { userId: null, name: null, perMonth: [0, 2], total: 2, monthsOnTarget: 0 },
    ],
    total: 6,
  },
  revenue: [],
});

let requests: RowsInput[] = [];
let root: HTMLElement;
beforeEach(() => {
  ({ root, requests } = mountDashboard((onDrill) => [
    <ActivitySection key="activity" report={activity} onDrill={onDrill} />,
    <CadenceSection key="cadence" report={cadence} onDrill={onDrill} />,
    <GrowthSection key="growth" report={growth} onDrill={onDrill} />,
  ]));
});
afterEach(() => {
  vi.restoreAllMocks();
  unmountDashboard(root);
});

const lastRequest = () => requests.at(-1)!;
const opened = (count: number, filter: object) => openedIn(root, requests, count, filter);
/** A row of the table under a chart (the same card). */
function tableRow(chartTestId: string, text: string): HTMLElement | null {
  const card = $(root, `[data-testid="${chartTestId}"]`)?.closest('.chart-card');
  return [...(card?.querySelectorAll<HTMLElement>('tbody tr') ?? [])].find((tr) => tr.textContent?.includes(text)) ?? null;
}

describe('dashboard clicks that open rows: follow-ups by source, the unassigned row, a rep’s month', () => {
  it('a source’s bar and its table row ask for the follow-ups created from that source', async () => {
    await waitFor(() => charts.get('chart-follow-up-sources')?.click, 'the sources chart');
    pickBar('chart-follow-up-sources', 'Awaiting reply');
    const panel = await opened(1, { source: 'email_reply' });
    expect(lastRequest()).toMatchObject({ ...QUERY, figure: 'followUps.created', filter: { source: 'email_reply' } });
    expect(panel.dataset.figure).toBe('followUps.created');
    expect(panel.querySelector('h2')!.textContent).toContain('Follow-ups created · Awaiting reply');

    click(tableRow('chart-follow-up-sources', 'Complaint'));
    await opened(2, { source: 'complaint' });
    expect(lastRequest()).toMatchObject({ figure: 'followUps.created', filter: { source: 'complaint' } });
  });

  it('the unassigned rep row asks for customers without an owner (null), not for everyone', async () => {
    await waitFor(() => charts.get('chart-cadence-rep')?.click, 'the cadence-by-rep chart');
    pickBar('chart-cadence-rep', 'Unassigned');
    const panel = await opened(1, { ownerUserId: null });
    expect(lastRequest()).toMatchObject({ figure: 'cadence.overdue', filter: { ownerUserId: null } });
    expect(panel.querySelector('h2')!.textContent).toContain('Customers overdue for a touch · Unassigned');

    click(tableRow('chart-new-customers', 'Unassigned'));
    await opened(2, { ownerUserId: null });
    expect(lastRequest()).toMatchObject({ figure: 'growth.newCustomers', filter: { ownerUserId: null } });

    // A named rep still asks for that rep.
    click(tableRow('chart-new-customers', '李娜'));
    await opened(3, { ownerUserId: REP });
    expect(lastRequest().filter).toEqual({ ownerUserId: REP });
  });

  it('one rep’s bar of one month asks for that rep’s new customers of that month, titled so', async () => {
    await waitFor(() => charts.get('chart-new-customers')?.click, 'the new-customers chart');
    pickBar('chart-new-customers', '李娜', '2026-10');
    const panel = await opened(1, { ownerUserId: REP, month: '2026-10' });
    expect(lastRequest()).toMatchObject({ ...QUERY, figure: 'growth.newCustomers', filter: { ownerUserId: REP, month: '2026-10' } });
    expect(panel.querySelector('h2')!.textContent).toBe('New customers of 李娜 in October 2026: 1');
    // Its table exports as every drill-down's does: the rows asked for, named by figure and period.
    const saved: { name: string; blob: Blob }[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (saved.push({ name: '', blob: blob as Blob }), 'blob:csv'));
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.at(-1)!.name = this.download;
    });
    click(panel.querySelector<HTMLElement>('[data-testid=export-csv]'));
    await waitFor(() => saved[0]?.name, 'the CSV download');
    expect(saved[0]!.name).toBe('growth.newCustomers-2026-10-15_2026-11-30.csv');
    expect(await saved[0]!.blob.text()).toContain('无主客户 {""ownerUserId"":""01a20796-0000-7000-8000-0000000000a1"",""month"":""2026-10""}');

    pickBar('chart-new-customers', 'Unassigned', '2026-11');
    const unassigned = await opened(2, { ownerUserId: null, month: '2026-11' });
    expect(lastRequest().filter).toEqual({ ownerUserId: null, month: '2026-11' });
    expect(unassigned.querySelector('h2')!.textContent).toBe('New customers of Unassigned in November 2026: 1');

    // The table's rep row stands for the whole period: no month.
    click(tableRow('chart-new-customers', '李娜'));
    await opened(3, { ownerUserId: REP });
    expect(lastRequest().filter).toEqual({ ownerUserId: REP });
  });
});
