import type { CustomerDimension, CustomersReport } from '../../../shared/schemas/reports';
import type { DrillFilter } from '../../../shared/schemas/report-rows';
import { rt } from '../../i18n/reports';
import { Chart } from './chart';
import { barOption } from './chart-options';
import { DataTable } from './data-table';
import { Figure, type OnDrill } from './figure';
import { formatCount } from './format';
import { dimensionValue } from './labels';

const FILTER_KEY = { class: 'customerClass', tier: 'valueTier', stage: 'pyramidStage' } as const satisfies Record<CustomerDimension, keyof DrillFilter>;
/**
 * Each chart's series in order, and the figure behind each: the value at the period's start
 * ('previous' bars) and at asOf ('count' bars). A click's series says which instant it asks for.
 */
const SERIES = [
  { column: 'previous', figure: 'customers.previous' },
  { column: 'count', figure: 'customers.current' },
] as const;

/** Customers per class, tier and pyramid stage, now and at the start of the period, and how they moved. */
export function CustomersSection({ report, onDrill }: { report: CustomersReport; onDrill: OnDrill }) {
  const upgraded = report.dimensions.reduce((n, d) => n + d.upgraded, 0);
  const downgraded = report.dimensions.reduce((n, d) => n + d.downgraded, 0);
  return (
    <>
      <div class="figures">
        <Figure
          label={rt('customers.title')}
          value={formatCount(report.total)}
          detail={rt('customers.total', { count: formatCount(report.total), previous: formatCount(report.previousTotal) })}
          drill={{ figure: 'customers.current', filter: {}, title: rt('figure.customers.current') }}
          onDrill={onDrill}
        />
        <Figure
          label={rt('figure.customers.moved')}
          value={formatCount(upgraded + downgraded)}
          detail={rt('customers.moves', { up: formatCount(upgraded), down: formatCount(downgraded) })}
          drill={{ figure: 'customers.moved', filter: {}, title: rt('figure.customers.moved') }}
          onDrill={onDrill}
        />
      </div>
      <div class="charts">
        {report.dimensions.map((d) => {
          const title = rt(`dimension.${d.dimension}`);
          const label = (value: string) => dimensionValue(d.dimension, value);
          const drillValue = (value: string, figure: (typeof SERIES)[number]['figure'] = 'customers.current') =>
            onDrill({
              figure,
              filter: { [FILTER_KEY[d.dimension]]: value } as DrillFilter,
              title: `${rt(`figure.${figure}`)} · ${title}: ${label(value)}`,
            });
          return (
            <div class="chart-card" key={d.dimension} data-dimension={d.dimension}>
              <h3>{title}</h3>
              <Chart
                label={title}
                testId={`chart-${d.dimension}`}
                empty={report.total === 0 && report.previousTotal === 0}
                option={barOption(
                  d.entries.map((e) => label(e.value)),
                  SERIES.map((s) => ({ name: rt(`col.${s.column}`), data: d.entries.map((e) => e[s.column]) })),
                )}
                onPick={(i, series) => drillValue(d.entries[i]!.value, SERIES[series]!.figure)}
              />
              <DataTable
                rows={d.entries}
                fileName={`customers-by-${d.dimension}`}
                onPick={(e) => drillValue(e.value)}
                columns={[
                  { header: title, value: (e) => label(e.value) },
                  { header: rt('col.count'), value: (e) => e.count, show: (e) => formatCount(e.count), numeric: true },
                  { header: rt('col.previous'), value: (e) => e.previous, show: (e) => formatCount(e.previous), numeric: true },
                ]}
              />
              <button
                type="button"
                class="link"
                data-figure="customers.moved"
                onClick={() => onDrill({ figure: 'customers.moved', filter: { dimension: d.dimension }, title: `${rt('figure.customers.moved')} · ${title}` })}
              >
                {rt('customers.moves', { up: formatCount(d.upgraded), down: formatCount(d.downgraded) })}
              </button>
            </div>
          );
        })}
      </div>
    </>
  );
}
