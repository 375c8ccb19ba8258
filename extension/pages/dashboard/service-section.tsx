import { feedbackTagSchema } from '../../../shared/schemas/service-item';
import type { ServiceReport } from '../../../shared/schemas/reports';
import { rt } from '../../i18n/reports';
import { Chart } from './chart';
import { barOption, pieOption } from './chart-options';
import { DataTable } from './data-table';
import { Figure, type OnDrill } from './figure';
import { formatCount, formatDecimal, formatShare } from './format';
import { formatDuration } from './labels';

const RATINGS = [1, 2, 3, 4, 5] as const;
/** The stacked parts of each first-replies bar, in series order: a click's series is its part. */
const REPLY_PARTS = ['inTime', 'late'] as const;
type ReplyPart = (typeof REPLY_PARTS)[number];

/** Requests and complaints opened, first replies in time, items past deadline, satisfaction, feedback. */
export function ServiceSection({ report, onDrill }: { report: ServiceReport; onDrill: OnDrill }) {
  const { opened, firstReply, satisfaction } = report;
  const replyOf = (urgent: boolean) => (urgent ? firstReply.urgent : firstReply.normal);
  const replyLabel = (urgent: boolean) => rt(urgent ? 'service.firstReplyUrgent' : 'service.firstReply', { hours: formatDecimal(replyOf(urgent).hours) });
  const replies = (part: ReplyPart, urgent: boolean) =>
    onDrill({ figure: `service.${part}`, filter: { urgent }, title: `${rt(`figure.service.${part}`)} · ${replyLabel(urgent)}` });
  const replyFigure = (urgent: boolean) => {
    const f = replyOf(urgent);
    const label = replyLabel(urgent);
    return (
      <Figure
        label={label}
        value={formatShare(f.share)}
        detail={`${rt('service.inTime')} ${formatCount(f.inTime)} · ${rt('service.late')} ${formatCount(f.late)} · ${rt('service.median', { time: formatDuration(f.medianMs) })}`}
        drill={{ figure: 'service.late', filter: { urgent }, title: `${rt('figure.service.late')} · ${label}` }}
        onDrill={onDrill}
      />
    );
  };
  const rating = (r: number) =>
    onDrill({ figure: 'service.rated', filter: { rating: r }, title: `${rt('figure.service.rated')} · ${rt('service.stars', { rating: r })}` });
  const tags = feedbackTagSchema.options;
  const tag = (i: number) => onDrill({ figure: 'service.feedback', filter: { feedbackTag: tags[i]! }, title: `${rt('figure.service.feedback')} · ${rt(`feedback.${tags[i]!}`)}` });
  return (
    <>
      <div class="figures">
        <Figure
          label={rt('service.requests')}
          value={formatCount(opened.requests)}
          drill={{ figure: 'service.opened', filter: { serviceType: 'request' }, title: `${rt('figure.service.opened')} · ${rt('service.requests')}` }}
          onDrill={onDrill}
        />
        <Figure
          label={rt('service.complaints')}
          value={formatCount(opened.complaints)}
          detail={`${rt('service.urgent')}: ${formatCount(opened.urgent)}`}
          drill={{ figure: 'service.opened', filter: { serviceType: 'complaint' }, title: `${rt('figure.service.opened')} · ${rt('service.complaints')}` }}
          onDrill={onDrill}
        />
        {replyFigure(false)}
        {replyFigure(true)}
        <Figure
          label={rt('service.pastDeadline')}
          value={formatCount(report.pastDeadline)}
          tone={report.pastDeadline > 0 ? 'warn' : undefined}
          drill={{ figure: 'service.pastDeadline', filter: {}, title: rt('figure.service.pastDeadline') }}
          onDrill={onDrill}
        />
        <Figure
          label={rt('service.satisfaction')}
          value={satisfaction.average === null ? '–' : formatDecimal(satisfaction.average)}
          detail={rt('service.average', { value: satisfaction.average === null ? '–' : formatDecimal(satisfaction.average), count: formatCount(satisfaction.count) })}
          drill={{ figure: 'service.rated', filter: {}, title: rt('figure.service.rated') }}
          onDrill={onDrill}
        />
      </div>
      <div class="charts">
        <div class="chart-card">
          <h3>{rt('service.firstReplies')}</h3>
          <Chart
            label={rt('service.firstReplies')}
            testId="chart-first-replies"
            empty={firstReply.normal.decided + firstReply.urgent.decided === 0}
            // Categories: normal (index 0), urgent (1); series: the parts of REPLY_PARTS, stacked.
            option={barOption(
              [replyLabel(false), replyLabel(true)],
              REPLY_PARTS.map((part) => ({ name: rt(`service.${part}`), data: [replyOf(false)[part], replyOf(true)[part]], stack: 'replies' })),
              { horizontal: true },
            )}
            onPick={(i, series) => replies(REPLY_PARTS[series]!, i === 1)}
          />
        </div>
        <div class="chart-card">
          <h3>{rt('service.satisfaction')}</h3>
          <Chart
            label={rt('service.satisfaction')}
            testId="chart-satisfaction"
            empty={satisfaction.count === 0}
            option={barOption(RATINGS.map((r) => rt('service.stars', { rating: r })), [{ name: rt('col.count'), data: [...satisfaction.distribution] }])}
            onPick={(i) => rating(RATINGS[i]!)}
          />
        </div>
        <div class="chart-card">
          <h3>{rt('service.feedback')}</h3>
          <Chart
            label={rt('service.feedback')}
            testId="chart-feedback"
            empty={tags.every((t) => report.feedback[t] === 0)}
            option={pieOption(tags.map((t) => ({ name: rt(`feedback.${t}`), value: report.feedback[t] })))}
            onPick={tag}
          />
          <DataTable
            rows={tags.map((t) => ({ tag: t, count: report.feedback[t] }))}
            fileName="service-feedback"
            onPick={(r) => tag(tags.indexOf(r.tag))}
            columns={[
              { header: rt('col.feedback'), value: (r) => rt(`feedback.${r.tag}`) },
              { header: rt('col.count'), value: (r) => r.count, show: (r) => formatCount(r.count), numeric: true },
            ]}
          />
        </div>
      </div>
    </>
  );
}
