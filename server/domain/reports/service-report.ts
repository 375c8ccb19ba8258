import { firstReplyHours } from '../../../shared/domain/service-clock';
import type { OrgSettingsFields } from '../../../shared/schemas/org-settings';
import type { ResolvedPeriod, ServiceReport } from '../../../shared/schemas/reports';
import type { FeedbackCounts } from '../../storage/repositories/reports/feedback-figures';
import type { ReplyCounts, ServiceCounts } from '../../storage/repositories/reports/service-figures';
import { shareOf } from './report-window';

/** Requests and complaints, first replies in time (24 h / 2 h), items past their deadline, satisfaction and feedback. */
export function serviceReport(period: ResolvedPeriod, counts: ServiceCounts, feedback: FeedbackCounts, settings: Pick<OrgSettingsFields, 'sla'>): ServiceReport {
  const reply = (r: ReplyCounts, urgent: boolean) => ({
    hours: firstReplyHours(urgent, settings.sla),
    decided: r.inTime + r.late,
    inTime: r.inTime,
    late: r.late,
    share: shareOf(r.inTime, r.inTime + r.late),
    medianMs: r.medianMs,
  });
  const rated = feedback.ratings.reduce((n, c) => n + c, 0);
  const sum = feedback.ratings.reduce((n, c, i) => n + c * (i + 1), 0);
  return {
    period,
    opened: { requests: counts.requests, complaints: counts.complaints, urgent: counts.urgent },
    firstReply: { normal: reply(counts.reply.normal, false), urgent: reply(counts.reply.urgent, true) },
    pastDeadline: counts.pastDeadline,
    satisfaction: { count: rated, average: rated > 0 ? sum / rated : null, distribution: feedback.ratings },
    feedback: feedback.tags,
  };
}
