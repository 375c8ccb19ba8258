// @vitest-environment happy-dom
// First: extension modules read the browser API when they load.
import '../../support/fake-chrome';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CustomersSection } from '../../../../extension/pages/dashboard/customers-section';
import { ServiceSection } from '../../../../extension/pages/dashboard/service-section';
import { customersReportSchema, serviceReportSchema } from '../../../../shared/schemas/reports';
import { waitFor } from '../../sidebar/render-sidebar';
import { charts, mountDashboard, opened as openedIn, unmountDashboard, PERIOD, pickBar, QUERY, type RowsInput } from './drill-harness';

/**
 * Charts with several series: the part of a bar clicked decides the rows asked for. A stacked
 * first-replies bar has an "in time" and a "late" part (each opens its own items, not the late
 * ones for both); a class bar has "at the start" and "now" (the customers with that class then,
 * or now). ECharts recorded, the background answered: drill-harness.tsx.
 */
vi.mock('../../../../extension/pages/dashboard/echarts-setup', () => import('./drill-harness').then((h) => h.echartsRecorder));

const reply = (hours: number, inTime: number, late: number) => ({ hours, decided: inTime + late, inTime, late, share: inTime / (inTime + late), medianMs: 3_600_000 });
const service = serviceReportSchema.parse({
  period: PERIOD,
  opened: { requests: 6, complaints: 3, urgent: 2 },
  firstReply: { normal: reply(24, 4, 1), urgent: reply(2, 1, 2) },
  pastDeadline: 1,
  satisfaction: { count: 0, average: null, distribution: [0, 0, 0, 0, 0] },
  feedback: { praise: 0, complaint: 0, suggestion: 0 },
});
const entry = (value: string, count: number, previous: number) => ({ value, count, previous });
const customers = customersReportSchema.parse({
  period: PERIOD,
  total: 5,
  previousTotal: 4,
  dimensions: [
    { dimension: 'class', entries: [entry('A', 2, 1), entry('B', 2, 3), entry('C', 1, 0), entry('none', 0, 0)], moves: [{ from: 'B', to: 'A', count: 1 }], upgraded: 1, downgraded: 0 },
  ],
});

let requests: RowsInput[] = [];
let root: HTMLElement;
beforeEach(() => {
  ({ root, requests } = mountDashboard((onDrill) => [
    <CustomersSection key="customers" report={customers} onDrill={onDrill} />,
    <ServiceSection key="service" report={service} onDrill={onDrill} />,
  ]));
});
afterEach(() => {
  unmountDashboard(root);
});

const opened = (count: number, filter: object) => openedIn(root, requests, count, filter);
const title = (panel: HTMLElement) => panel.querySelector('h2')!.textContent;

describe('dashboard clicks on one series of a chart with several', () => {
  it('each part of a stacked first-replies bar opens exactly its own items', async () => {
    await waitFor(() => charts.get('chart-first-replies')?.click, 'the first-replies chart');
    pickBar('chart-first-replies', 'First reply within 24 h', 'In time');
    let panel = await opened(1, { urgent: false });
    expect(requests.at(-1)).toMatchObject({ ...QUERY, figure: 'service.inTime', filter: { urgent: false } });
    expect([panel.dataset.figure, title(panel)]).toEqual(['service.inTime', 'First replies in time · First reply within 24 h: 1']);

    pickBar('chart-first-replies', 'First reply within 24 h', 'Late');
    panel = await opened(2, { urgent: false });
    expect(requests.at(-1)).toMatchObject({ figure: 'service.late', filter: { urgent: false } });
    expect(panel.dataset.figure).toBe('service.late');

    pickBar('chart-first-replies', 'Urgent: first reply within 2 h', 'In time');
    panel = await opened(3, { urgent: true });
    expect(requests.at(-1)).toMatchObject({ figure: 'service.inTime', filter: { urgent: true } });
    expect(title(panel)).toBe('First replies in time · Urgent: first reply within 2 h: 1');

    pickBar('chart-first-replies', 'Urgent: first reply within 2 h', 'Late');
    panel = await opened(4, { urgent: true });
    expect(requests.at(-1)).toMatchObject({ figure: 'service.late', filter: { urgent: true } });
    expect(title(panel)).toBe('Late first replies · Urgent: first reply within 2 h: 1');
  });

  it('a class’s bar at the period’s start opens the customers of that class then, its bar now those of today', async () => {
    await waitFor(() => charts.get('chart-class')?.click, 'the class chart');
    pickBar('chart-class', 'B', 'At the start');
    let panel = await opened(1, { customerClass: 'B' });
    expect(requests.at(-1)).toMatchObject({ ...QUERY, figure: 'customers.previous', filter: { customerClass: 'B' } });
    expect(title(panel)).toBe('Customers at the period’s start · Class: B: 1');

    pickBar('chart-class', 'B', 'Now');
    panel = await opened(2, { customerClass: 'B' });
    expect(requests.at(-1)).toMatchObject({ figure: 'customers.current', filter: { customerClass: 'B' } });
    expect(title(panel)).toBe('Customers · Class: B: 1');
  });
});
