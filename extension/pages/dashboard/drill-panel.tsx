import { useEffect, useRef, useState } from 'preact/hooks';
import { type ReportQuery } from '../../../shared/schemas/reports';
import { MAX_DRILL_ROWS, type DrillOutput, type DrillRow } from '../../../shared/schemas/report-rows';
import { formatDateTime } from '../../i18n';
import { rt } from '../../i18n/reports';
import { DataTable, type Column } from './data-table';
import type { Drill } from './figure';
import { formatCount, formatDecimal, periodSlug } from './format';
import { dimensionValue, formatDuration, repName, rowWord } from './labels';
import { callReport, type ReportAnswer } from './report-client';
import { FailureNotice } from './report-state';

/** Rows shown at once; the CSV export fetches all of them (up to the contract's maximum). */
const PAGE_ROWS = 500;

const when = (iso: string | null) => (iso ? formatDateTime(iso) : '');

/** The columns a drill-down shows; those no row of this figure fills are left out. */
const COLUMNS: { column: Column<DrillRow>; used: (r: DrillRow) => boolean }[] = [
  { column: { header: rt('col.customer'), value: (r) => r.customerName }, used: () => true },
  { column: { header: rt('col.code'), value: (r) => r.customerCode }, used: (r) => r.customerCode !== null },
  { column: { header: rt('col.class'), value: (r) => r.customerClass }, used: (r) => r.customerClass !== null },
  { column: { header: rt('col.owner'), value: (r) => repName(r.ownerName) }, used: () => true },
  { column: { header: rt('col.at'), value: (r) => r.at, show: (r) => when(r.at) }, used: (r) => r.at !== null },
  { column: { header: rt('col.due'), value: (r) => r.dueAt, show: (r) => when(r.dueAt) }, used: (r) => r.dueAt !== null },
  { column: { header: rt('col.state'), value: (r) => rowWord(r.state) }, used: (r) => r.state !== null },
  { column: { header: rt('col.kind'), value: (r) => rowWord(r.kind) }, used: (r) => r.kind !== null },
  { column: { header: rt('col.summary'), value: (r) => r.summary }, used: (r) => r.summary !== null },
  { column: { header: rt('col.rating'), value: (r) => r.rating, numeric: true }, used: (r) => r.rating !== null },
  { column: { header: rt('col.feedback'), value: (r) => (r.feedbackTag ? rt(`feedback.${r.feedbackTag}`) : '') }, used: (r) => r.feedbackTag !== null },
  { column: { header: rt('col.amount'), value: (r) => r.amount, show: (r) => (r.amount === null ? '' : formatDecimal(r.amount)), numeric: true }, used: (r) => r.amount !== null },
  { column: { header: rt('col.currency'), value: (r) => r.currency }, used: (r) => r.currency !== null },
  {
    // The CSV keeps hours as a number a spreadsheet can average; the page shows a readable unit.
    column: { header: rt('col.duration'), value: (r) => (r.durationMs === null ? null : Math.round(r.durationMs / 36_000) / 100), show: (r) => formatDuration(r.durationMs), numeric: true },
    used: (r) => r.durationMs !== null,
  },
  {
    column: { header: rt('col.change'), value: (r) => (r.change ? `${dimensionValue(r.change.dimension, r.change.from)} → ${dimensionValue(r.change.dimension, r.change.to)}` : '') },
    used: (r) => r.change !== null,
  },
];

type Props = { drill: Drill; query: ReportQuery; onClose: () => void };

/** The rows behind one figure, as a table with its CSV export. */
export function DrillPanel({ drill, query, onClose }: Props) {
  const [answer, setAnswer] = useState<ReportAnswer<DrillOutput> | null>(null);
  const [attempt, setAttempt] = useState(0);
  const box = useRef<HTMLElement>(null);
  const fetchRows = (limit: number) => callReport<DrillOutput>({ call: 'rows', input: { ...query, figure: drill.figure, filter: drill.filter, limit, offset: 0 } });

  useEffect(() => {
    let current = true;
    setAnswer(null);
    void fetchRows(PAGE_ROWS).then((a) => current && setAnswer(a));
    box.current?.scrollIntoView({ block: 'start' });
    return () => void (current = false);
  }, [JSON.stringify([drill, query, attempt])]);

  const rows = answer?.ok ? answer.value.rows : [];
  const total = answer?.ok ? answer.value.total : 0;
  const columns = COLUMNS.filter((c) => rows.some(c.used)).map((c) => c.column);
  const allRows = async () => {
    if (total <= rows.length) return rows;
    const all = await fetchRows(MAX_DRILL_ROWS);
    return all.ok ? all.value.rows : rows;
  };

  return (
    <section class="drill" ref={box} data-testid="drill" data-figure={drill.figure} aria-live="polite">
      <div class="row">
        <h2>{rt('drill.title', { figure: drill.title, count: answer?.ok ? formatCount(total) : '…' })}</h2>
        <button type="button" class="link no-print" data-testid="drill-close" onClick={onClose}>
          {rt('drill.close')}
        </button>
      </div>
      {answer === null ? (
        <p class="muted">{rt('state.loading')}</p>
      ) : !answer.ok ? (
        <FailureNotice failure={answer.failure} onRetry={() => setAttempt((n) => n + 1)} />
      ) : (
        <>
          {total > rows.length && <p class="muted">{rt('table.more', { shown: formatCount(rows.length), total: formatCount(total) })}</p>}
          <DataTable rows={rows} columns={columns} fileName={`${drill.figure}-${periodSlug(query.period)}`} exportRows={allRows} testId="drill-table" />
        </>
      )}
    </section>
  );
}
