import { Fragment } from 'preact';
import type { Visit } from '../../../shared/schemas/visit';
import { formatDateTime, t, type MessageKey } from '../../i18n';

/** The report as written, and the manager's review when there is one. */
export function VisitReportView({ visit, showReview = true }: { visit: Visit; showReview?: boolean }) {
  const report = visit.report!;
  const rows: [MessageKey, string | null][] = [
    ['visit.outcome', report.outcome],
    ['visit.needs', report.needs],
    ['visit.feedback', report.feedback && (report.feedbackTag ? `${report.feedback} (${t(`service.tag.${report.feedbackTag}` as MessageKey)})` : report.feedback)],
    ['visit.nextSteps', report.nextSteps],
    ['service.satisfaction', report.satisfaction === null ? null : t('service.rating', { n: report.satisfaction })],
  ];
  return (
    <dl class="facts small" data-testid="visit-report">
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <Fragment key={label}>
            <dt>{t(label)}</dt>
            <dd class="pre">{value}</dd>
          </Fragment>
        ))}
      {showReview && (
        <>
          <dt>{t('visit.review')}</dt>
          <dd data-testid="visit-review" data-reviewed={String(visit.review !== null)}>
            {visit.review ? t('visit.reviewed', { comment: visit.review.comment, at: formatDateTime(visit.review.reviewedAt, true) }) : t('visit.awaitingReview')}
          </dd>
        </>
      )}
    </dl>
  );
}
