import type { GrowthReport } from '../../../shared/schemas/reports';
import { rt } from '../../i18n/reports';
import { Chart } from './chart';
import { barOption } from './chart-options';
import { DataTable, type Column } from './data-table';
import { Figure, type OnDrill } from './figure';
import { formatCount, formatDecimal, formatMonth, formatShare } from './format';
import { repName } from './labels';

type Rep = GrowthReport['newCustomers']['reps'][number];

/** New customers per rep per month against the target, and revenue concentration. */
export function GrowthSection({ report, onDrill }: { report: GrowthReport; onDrill: OnDrill }) {
  const { newCustomers, revenue } = report;
  const { months, target } = newCustomers;
  // userId null is the "unassigned" row: the filter's null asks for customers without an owner.
  // A month narrows to one bar (the server clips it to the period); without one, the whole period.
  const newOf = (rep: Rep, month?: string) =>
    onDrill({
      figure: 'growth.newCustomers',
      filter: { ownerUserId: rep.userId, ...(month ? { month } : {}) },
      title: month
        ? rt('figure.growth.newCustomersInMonth', { rep: repName(rep.name), month: formatMonth(month) })
        : `${rt('figure.growth.newCustomers')} · ${repName(rep.name)}`,
    });
  const repColumns: Column<Rep>[] = [
    { header: rt('col.rep'), value: (r) => repName(r.name) },
    ...months.map((m, i): Column<Rep> => ({ header: m, value: (r) => r.perMonth[i], show: (r) => formatCount(r.perMonth[i]!), numeric: true })),
    { header: rt('col.total'), value: (r) => r.total, show: (r) => formatCount(r.total), numeric: true },
    { header: rt('col.onTarget'), value: (r) => r.monthsOnTarget, show: (r) => `${formatCount(r.monthsOnTarget)} / ${formatCount(months.length)}`, numeric: true },
  ];
  return (
    <>
      <div class="figures">
        <Figure
          label={rt('growth.newCustomers', { target: formatCount(target) })}
          value={formatCount(newCustomers.total)}
          drill={{ figure: 'growth.newCustomers', filter: {}, title: rt('figure.growth.newCustomers') }}
          onDrill={onDrill}
        />
        {revenue.length === 0 && <Figure label={rt('growth.revenue')} value="–" detail={rt('growth.revenueNone')} onDrill={onDrill} />}
        {revenue.map((r) => (
          <Figure
            key={r.currency}
            label={`${rt('growth.revenue')} · ${r.currency}`}
            value={formatShare(r.share)}
            detail={rt('growth.revenueLine', { currency: r.currency, top: formatCount(r.topCount), customers: formatCount(r.customers), share: formatShare(r.share) })}
            drill={{ figure: 'growth.topRevenue', filter: { currency: r.currency }, title: `${rt('figure.growth.topRevenue')} · ${r.currency}` }}
            onDrill={onDrill}
          />
        ))}
      </div>
      <div class="charts">
        <div class="chart-card wide">
          <h3>{rt('growth.newCustomers', { target: formatCount(target) })}</h3>
          <Chart
            label={rt('growth.newCustomers', { target: formatCount(target) })}
            testId="chart-new-customers"
            empty={newCustomers.reps.length === 0}
            option={barOption(
              newCustomers.reps.map((r) => repName(r.name)),
              months.map((m, i) => ({ name: m, data: newCustomers.reps.map((r) => r.perMonth[i]!) })),
              { target: { value: target, name: `${rt('growth.target')} ${formatCount(target)}` } },
            )}
            // One series per month, in `months` order: the series of the bar clicked is its month.
            onPick={(rep, month) => newOf(newCustomers.reps[rep]!, months[month])}
          />
          <DataTable rows={newCustomers.reps} columns={repColumns} fileName="new-customers-per-rep" onPick={(r) => newOf(r)} />
        </div>
        {revenue.length > 0 && (
          <div class="chart-card">
            <h3>{rt('growth.revenue')}</h3>
            <p class="muted">{rt('growth.revenueToday')}</p>
            <DataTable
              rows={revenue}
              fileName="revenue-concentration"
              columns={[
                { header: rt('col.currency'), value: (r) => r.currency },
                { header: rt('col.customers'), value: (r) => r.customers, show: (r) => formatCount(r.customers), numeric: true },
                { header: rt('col.topAmount'), value: (r) => r.topAmount, show: (r) => formatDecimal(r.topAmount), numeric: true },
                { header: rt('col.totalAmount'), value: (r) => r.totalAmount, show: (r) => formatDecimal(r.totalAmount), numeric: true },
                { header: rt('col.share'), value: (r) => r.share, show: (r) => formatShare(r.share), numeric: true },
              ]}
            />
          </div>
        )}
      </div>
    </>
  );
}
