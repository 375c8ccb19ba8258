import { followUpSourceSchema } from '../../../shared/schemas/follow-up';
import type { ActivityReport, ResolvedPeriod } from '../../../shared/schemas/reports';
import type { FollowUpCounts } from '../../storage/repositories/reports/follow-up-figures';
import type { VisitFigure } from '../../storage/repositories/reports/visit-figures';
import { shareOf } from './report-window';

/** Follow-ups created / done / overdue, visit-plan completion and reviewed visit reports. */
export function activityReport(period: ResolvedPeriod, followUps: FollowUpCounts, visits: Record<VisitFigure, number>): ActivityReport {
  const createdBySource = Object.fromEntries(followUpSourceSchema.options.map((s) => [s, followUps.createdBySource[s] ?? 0])) as ActivityReport['followUps']['createdBySource'];
  return {
    period,
    followUps: { created: followUps.created, createdBySource, done: followUps.done, skipped: followUps.skipped, overdue: followUps.overdue },
    visits: {
      planned: visits.planned,
      due: visits.due,
      held: visits.held,
      cancelled: visits.cancelled,
      stillPlanned: visits.stillPlanned,
      completion: shareOf(visits.held, visits.due),
    },
    visitReports: { reported: visits.reported, reviewed: visits.reviewed, share: shareOf(visits.reviewed, visits.reported) },
  };
}
