import { customerClassSchema } from '../../../shared/schemas/customer';
import type { CadenceReport } from '../../../shared/schemas/reports';
import { t } from '../../i18n';
import { rt } from '../../i18n/reports';
import { Chart } from './chart';
import { barOption } from './chart-options';
import { DataTable, type Column } from './data-table';
import { Figure, type OnDrill } from './figure';
import { formatCount, formatShare } from './format';
import { repName } from './labels';

type Compliance = { customers: number; compliant: number; share: number | null };
type Rep = CadenceReport['byRep'][number];

const complianceColumns = <R extends Compliance>(first: Column<R>): Column<R>[] => [
  first,
  { header: rt('col.customers'), value: (r) => r.customers, show: (r) => formatCount(r.customers), numeric: true },
  { header: rt('col.compliant'), value: (r) => r.compliant, show: (r) => formatCount(r.compliant), numeric: true },
  { header: rt('col.share'), value: (r) => r.share, show: (r) => formatShare(r.share), numeric: true },
];

/**
 * Customers touched within their class's cadence, per class and per rep, and the dormant ones
 * (outside their cadence: the same list, docs/reports.md), one click away.
 */
export function CadenceSection({ report, onDrill }: { report: CadenceReport; onDrill: OnDrill }) {
  const classLabel = (c: CadenceReport['byClass'][number]) => rt('cadence.classLabel', { class: t(`enum.customerClass.${c.customerClass}`), days: c.touchDays });
  const overdueOfClass = (c: CadenceReport['byClass'][number]) =>
    onDrill({ figure: 'cadence.overdue', filter: { customerClass: c.customerClass }, title: `${rt('figure.cadence.overdue')} · ${classLabel(c)}` });
  // userId null is the "unassigned" row: the filter's null asks for customers without an owner.
  const overdueOfRep = (r: Rep) => onDrill({ figure: 'cadence.overdue', filter: { ownerUserId: r.userId }, title: `${rt('figure.cadence.overdue')} · ${repName(r.name)}` });
  return (
    <>
      <div class="figures">
        <Figure
          label={rt('cadence.overall')}
          value={formatShare(report.overall.share)}
          detail={`${formatCount(report.overall.compliant)} / ${formatCount(report.overall.customers)}`}
          drill={{ figure: 'cadence.compliant', filter: {}, title: rt('figure.cadence.compliant') }}
          onDrill={onDrill}
        />
        <Figure
          label={rt('cadence.overdue')}
          value={formatCount(report.dormant.count)}
          detail={customerClassSchema.options.map((c) => `${t(`enum.customerClass.${c}`)} ${formatCount(report.dormant.byClass[c])}`).join(' · ')}
          tone={report.dormant.count > 0 ? 'warn' : undefined}
          drill={{ figure: 'cadence.overdue', filter: {}, title: rt('figure.cadence.overdue') }}
          onDrill={onDrill}
        />
      </div>
      <div class="charts">
        <div class="chart-card">
          <h3>{rt('cadence.byClass')}</h3>
          <Chart
            label={rt('cadence.byClass')}
            testId="chart-cadence-class"
            empty={report.overall.customers === 0}
            option={barOption(report.byClass.map(classLabel), [{ name: rt('col.share'), data: report.byClass.map((c) => c.share ?? 0) }], { share: true })}
            onPick={(i) => overdueOfClass(report.byClass[i]!)}
          />
          <DataTable rows={report.byClass} fileName="cadence-by-class" onPick={overdueOfClass} columns={complianceColumns({ header: rt('col.class'), value: classLabel })} />
        </div>
        <div class="chart-card">
          <h3>{rt('cadence.byRep')}</h3>
          <Chart
            label={rt('cadence.byRep')}
            testId="chart-cadence-rep"
            empty={report.byRep.length === 0}
            option={barOption(report.byRep.map((r) => repName(r.name)), [{ name: rt('col.share'), data: report.byRep.map((r) => r.share ?? 0) }], { share: true, horizontal: true })}
            onPick={(i) => overdueOfRep(report.byRep[i]!)}
          />
          <DataTable rows={report.byRep} fileName="cadence-by-rep" onPick={overdueOfRep} columns={complianceColumns<Rep>({ header: rt('col.rep'), value: (r) => repName(r.name) })} />
        </div>
      </div>
    </>
  );
}
