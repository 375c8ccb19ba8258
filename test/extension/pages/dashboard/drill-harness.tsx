import { fakeBrowser } from '../../support/fake-chrome';
import { render, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { expect } from 'vitest';
import { DrillPanel } from '../../../../extension/pages/dashboard/drill-panel';
import type { Drill } from '../../../../extension/pages/dashboard/figure';
import { runtimeRequestSchema } from '../../../../extension/messaging/protocol';
import type { ReportCall } from '../../../../extension/messaging/report-protocol';
import type { ReportQuery } from '../../../../shared/schemas/reports';
import { drillOutputSchema } from '../../../../shared/schemas/report-rows';
import { $, waitFor } from '../../sidebar/render-sidebar';

/**
 * What the dashboard's click tests share. happy-dom has no canvas, so ECharts cannot draw there:
 * `echartsRecorder` stands in for echarts-setup (each test file mocks it with
 * `vi.mock(path, () => import('./drill-harness').then((h) => h.echartsRecorder))`) and keeps each
 * chart's option and click handler, so a bar is clicked by its label and series (in real
 * Chromium: test/e2e/dashboard.test.ts). The background side is the message boundary: each rows
 * request is checked with the schema the background checks it with, after the JSON round trip
 * extension messaging makes, and answered with one row named after the filter asked for.
 */
type Recorded = {
  option: { xAxis?: { data?: string[] }; yAxis?: { data?: string[] }; series?: { name?: string }[] } | null;
  click: ((p: { dataIndex: number; seriesIndex: number }) => void) | null;
};
export const charts = new Map<string, Recorded>();
export const echartsRecorder = {
  init: (el: HTMLElement) => {
    const chart: Recorded = { option: null, click: null };
    charts.set(el.dataset.testid ?? '', chart);
    return {
      on: (_event: string, handler: Recorded['click']) => void (chart.click = handler),
      setOption: (option: Recorded['option']) => void (chart.option = option),
      resize: () => undefined,
      dispose: () => undefined,
    };
  },
};

// A custom range over two months in Shanghai (the new-customer chart has a bar per rep per month).
export const QUERY = { period: { kind: 'custom', from: '2026-10-15', to: '2026-11-30' }, scope: 'organisation' } as const satisfies ReportQuery;
export const PERIOD = { from: '2026-10-14T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z', asOf: '2026-11-30T16:00:00.000Z', previousFrom: '2026-08-28T16:00:00.000Z', timeZone: 'Asia/Shanghai', scope: 'organisation', departmentId: null } as const;

export type RowsInput = Extract<ReportCall, { call: 'rows' }>['input'];
const rowName = (filter: unknown) => `无主客户 ${JSON.stringify(filter)}`;
const rowsFor = (input: RowsInput) =>
  drillOutputSchema.parse({
    period: PERIOD,
    figure: input.figure,
    total: 1,
    rows: [
      {
        customerId: '01a20796-0000-7000-8000-0000000000c1',
        customerName: rowName(input.filter),
        ...{ customerCode: null, customerClass: 'B', ownerUserId: null, ownerName: null, itemId: null, at: null, dueAt: null, state: null, kind: null },
        ...{ summary: null, rating: null, feedbackTag: null, amount: null, currency: null, durationMs: null, change: null },
      },
    ],
  });

/** Answers the page's rows requests as the background would; returns the requests received, in order. */
export function answerRowRequests(): RowsInput[] {
  const requests: RowsInput[] = [];
  fakeBrowser.reset();
  fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
    const parsed = runtimeRequestSchema.parse(JSON.parse(JSON.stringify(message)));
    if (parsed.type !== 'report-call' || parsed.request.call !== 'rows') throw new Error(`unexpected message ${parsed.type}`);
    requests.push(parsed.request.input);
    return { ok: true, value: rowsFor(parsed.request.input) };
  });
  return requests;
}

/** Waits for the `count`th request and for the panel to show its answer (the row named after `filter`). */
export async function opened(root: HTMLElement, requests: RowsInput[], count: number, filter: object): Promise<HTMLElement> {
  await waitFor(() => requests.length === count, `request ${count}`);
  const expected = rowName(filter);
  return waitFor(() => {
    const panel = $(root, '[data-testid=drill]');
    return panel?.querySelector('[data-testid=drill-table] tbody')?.textContent?.includes(expected) ? panel : null;
  }, `rows for ${expected}`);
}

/** Clicks the bar of `label` (a category), in the series named `series` when there are several. */
export function pickBar(testId: string, label: string, series?: string): void {
  const chart = charts.get(testId);
  const labels = chart?.option?.xAxis?.data ?? chart?.option?.yAxis?.data ?? [];
  expect(labels, testId).toContain(label);
  const seriesNames = chart?.option?.series?.map((s) => s.name) ?? [];
  if (series !== undefined) expect(seriesNames, testId).toContain(series);
  chart!.click!({ dataIndex: labels.indexOf(label), seriesIndex: series === undefined ? 0 : seriesNames.indexOf(series) });
}

type Sections = (onDrill: (drill: Drill) => void) => ComponentChildren;

/** The sections as the dashboard page wires them: a drill opens the panel above them. */
function Dashboard({ sections }: { sections: Sections }) {
  const [drill, setDrill] = useState<Drill | null>(null);
  return (
    <main>
      {drill && <DrillPanel drill={drill} query={QUERY} onClose={() => setDrill(null)} />}
      {sections(setDrill)}
    </main>
  );
}

/** Renders these sections with the background answering rows requests (for a beforeEach). */
export function mountDashboard(sections: Sections): { root: HTMLElement; requests: RowsInput[] } {
  const requests = answerRowRequests();
  const root = document.createElement('div');
  document.body.append(root);
  render(<Dashboard sections={sections} />, root);
  return { root, requests };
}

/** Undoes mountDashboard (for an afterEach). */
export function unmountDashboard(root: HTMLElement): void {
  render(null, root);
  root.remove();
  charts.clear();
}
