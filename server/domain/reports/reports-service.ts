import { monthsOf } from '../../../shared/domain/report-period';
import { instantAt } from '../../../shared/domain/zoned-time';
import type { ActivityReport, CadenceReport, CustomersReport, GrowthReport, ReportQuery, ServiceReport } from '../../../shared/schemas/reports';
import type { DrillOutput } from '../../../shared/schemas/report-rows';
import type { DrillFigure, DrillFilter } from '../../../shared/schemas/report-rows';
import type { Store } from '../../storage/repositories/index';
import type { AuthedUser } from '../auth-service';
import { activityReport } from './activity-report';
import { cadenceReport } from './cadence-report';
import { customersReport } from './customers-report';
import { DRILLS, isServiceFigure } from './drill-down';
import { growthReport } from './growth-report';
import { reportContext } from './report-window';
import { serviceReport } from './service-report';

export type DrillQuery = ReportQuery & { figure: DrillFigure; filter: DrillFilter; limit: number; offset: number };

/**
 * The managers' dashboard (issue 9): one method per report the dashboard shows, each checked
 * against the caller's role before any query runs, plus the rows behind any figure. `now` is a
 * parameter so tests can stand at a fixed instant.
 */
export function createReportsService(store: Store, now: () => Date = () => new Date()) {
  const { reports } = store.repos;
  /** A support lead across the organisation sees service history, not visit reports. */
  const serviceOnly = (user: AuthedUser, query: ReportQuery) => user.role === 'support_lead' && query.scope === 'organisation';
  return {
    async customers(user: AuthedUser, query: ReportQuery): Promise<CustomersReport> {
      const c = await reportContext(store, user, query, 'customers', now());
      return customersReport(c.period, await reports.customerStates.cells(c.window));
    },
    async cadence(user: AuthedUser, query: ReportQuery): Promise<CadenceReport> {
      const c = await reportContext(store, user, query, 'cadence', now());
      return cadenceReport(c.period, await reports.touchStates.compliance(c.window, c.settings.cadences), c.settings.cadences);
    },
    async activity(user: AuthedUser, query: ReportQuery): Promise<ActivityReport> {
      const c = await reportContext(store, user, query, 'activity', now());
      const [followUps, visits] = await Promise.all([reports.followUps.counts(c.window), reports.visits.counts(c.window)]);
      return activityReport(c.period, followUps, visits);
    },
    async service(user: AuthedUser, query: ReportQuery): Promise<ServiceReport> {
      const c = await reportContext(store, user, query, 'service', now());
      const [counts, feedback] = await Promise.all([reports.service.counts(c.window), reports.feedback.counts(c.window, !serviceOnly(user, query))]);
      return serviceReport(c.period, counts, feedback, c.settings);
    },
    async growth(user: AuthedUser, query: ReportQuery): Promise<GrowthReport> {
      const c = await reportContext(store, user, query, 'growth', now());
      const months = monthsOf(c.bounds.fromDate, c.bounds.toDate);
      const monthStarts = months.map((m) => instantAt(`${m}-01`, c.period.timeZone));
      const [cells, revenue] = await Promise.all([reports.growth.newCustomers(c.window, monthStarts), reports.growth.revenue(c.window)]);
      const owners = [...new Set(cells.flatMap((cell) => (cell.ownerUserId ? [cell.ownerUserId] : [])))];
      const people = await reports.growth.people(c.window, owners);
      return growthReport(c.period, { months, target: c.settings.reports.newCustomersPerMonth, cells, people, revenue });
    },
    async drill(user: AuthedUser, query: DrillQuery): Promise<DrillOutput> {
      const c = await reportContext(store, user, query, isServiceFigure(query.figure) ? 'drill-service' : 'drill-other', now());
      const page = await DRILLS[query.figure](reports, {
        window: c.window,
        filter: query.filter,
        paging: { limit: query.limit, offset: query.offset },
        settings: c.settings,
        timeZone: c.period.timeZone,
        serviceOnly: serviceOnly(user, query),
      });
      return { period: c.period, figure: query.figure, ...page };
    },
  };
}
export type ReportsService = ReturnType<typeof createReportsService>;
