import { followUpSourceSchema, type FollowUpSource } from '../../../shared/schemas/follow-up';
import type { ActivityReport } from '../../../shared/schemas/reports';
import { rt } from '../../i18n/reports';
import { Chart } from './chart';
import { barOption } from './chart-options';
import { DataTable } from './data-table';
import { Figure, type OnDrill } from './figure';
import { formatCount, formatShare } from './format';

/** The visit plan's bars, in the order a manager reads it. */
const VISIT_BARS = ['planned', 'due', 'held', 'cancelled', 'stillPlanned'] as const;

/** Follow-ups created, done and overdue; the visit plan kept; visit reports reviewed. */
export function ActivitySection({ report, onDrill }: { report: ActivityReport; onDrill: OnDrill }) {
  const { followUps, visits, visitReports } = report;
  const sources = followUpSourceSchema.options.filter((s) => followUps.createdBySource[s] > 0);
  const bySource = (source: FollowUpSource) => ({ source, count: followUps.createdBySource[source] });
  const createdFrom = (source: FollowUpSource) =>
    onDrill({ figure: 'followUps.created', filter: { source }, title: `${rt('figure.followUps.created')} · ${rt(`source.${source}`)}` });
  return (
    <>
      <div class="figures">
        <Figure label={rt('followUps.created')} value={formatCount(followUps.created)} drill={{ figure: 'followUps.created', filter: {}, title: rt('figure.followUps.created') }} onDrill={onDrill} />
        <Figure
          label={rt('followUps.done')}
          value={formatCount(followUps.done)}
          detail={`${rt('followUps.skipped')}: ${formatCount(followUps.skipped)}`}
          drill={{ figure: 'followUps.done', filter: {}, title: rt('figure.followUps.done') }}
          onDrill={onDrill}
        />
        <Figure
          label={rt('followUps.overdue')}
          value={formatCount(followUps.overdue)}
          tone={followUps.overdue > 0 ? 'warn' : undefined}
          drill={{ figure: 'followUps.overdue', filter: {}, title: rt('figure.followUps.overdue') }}
          onDrill={onDrill}
        />
        <Figure
          label={rt('visits.completion')}
          value={formatShare(visits.completion)}
          detail={`${rt('visits.held')} ${formatCount(visits.held)} / ${rt('visits.due')} ${formatCount(visits.due)} · ${rt('visits.planned')} ${formatCount(visits.planned)} · ${rt('visits.cancelled')} ${formatCount(visits.cancelled)} · ${rt('visits.stillPlanned')} ${formatCount(visits.stillPlanned)}`}
          drill={{ figure: 'visits.planned', filter: {}, title: rt('figure.visits.planned') }}
          onDrill={onDrill}
        />
        <Figure label={rt('visits.held')} value={formatCount(visits.held)} drill={{ figure: 'visits.held', filter: {}, title: rt('figure.visits.held') }} onDrill={onDrill} />
        <Figure
          label={rt('visits.reviewShare')}
          value={formatShare(visitReports.share)}
          detail={`${rt('visits.reviewed')} ${formatCount(visitReports.reviewed)} / ${rt('visits.reported')} ${formatCount(visitReports.reported)}`}
          drill={{ figure: 'visits.reported', filter: {}, title: rt('figure.visits.reported') }}
          onDrill={onDrill}
        />
        <Figure
          label={rt('figure.visits.unreviewed')}
          value={formatCount(visitReports.reported - visitReports.reviewed)}
          drill={{ figure: 'visits.unreviewed', filter: {}, title: rt('figure.visits.unreviewed') }}
          onDrill={onDrill}
        />
      </div>
      <div class="charts">
        <div class="chart-card">
          <h3>{rt('visits.completion')}</h3>
          <Chart
            label={rt('visits.completion')}
            testId="chart-visits"
            empty={visits.planned === 0}
            option={barOption(VISIT_BARS.map((k) => rt(`visits.${k}`)), [{ name: rt('visits.planned'), data: VISIT_BARS.map((k) => visits[k]) }])}
            onPick={(i) =>
              onDrill(VISIT_BARS[i] === 'held' ? { figure: 'visits.held', filter: {}, title: rt('figure.visits.held') } : { figure: 'visits.planned', filter: {}, title: rt('figure.visits.planned') })
            }
          />
        </div>
        {sources.length > 0 && (
          <div class="chart-card">
            <h3>{rt('followUps.bySource')}</h3>
            <Chart
              label={rt('followUps.bySource')}
              testId="chart-follow-up-sources"
              option={barOption(sources.map((s) => rt(`source.${s}`)), [{ name: rt('followUps.created'), data: sources.map((s) => followUps.createdBySource[s]) }])}
              onPick={(i) => createdFrom(sources[i]!)}
            />
            <DataTable
              rows={sources.map(bySource)}
              onPick={(r) => createdFrom(r.source)}
              fileName="follow-ups-by-source"
              columns={[
                { header: rt('col.kind'), value: (r) => rt(`source.${r.source}`) },
                { header: rt('col.count'), value: (r) => r.count, show: (r) => formatCount(r.count), numeric: true },
              ]}
            />
          </div>
        )}
      </div>
    </>
  );
}
