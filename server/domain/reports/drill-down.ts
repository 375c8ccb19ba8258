import { addMonths } from '../../../shared/domain/report-period';
import { instantAt } from '../../../shared/domain/zoned-time';
import { NONE } from '../../../shared/schemas/reports';
import { type DrillFigure, type DrillFilter } from '../../../shared/schemas/report-rows';
import type { OrgSettingsFields } from '../../../shared/schemas/org-settings';
import type { Repositories } from '../../storage/repositories/index';
import type { Paging, ReportWindow, RowPage } from '../../storage/repositories/reports/report-sql';

/**
 * The rows behind each figure: the same queries (same conditions) as the figure itself, so a
 * count and its list always agree. `serviceOnly`: the caller is a support lead looking across the
 * organisation, who sees no visit reports (report-scope.ts).
 */
export type DrillArgs = { window: ReportWindow; filter: DrillFilter; paging: Paging; settings: OrgSettingsFields; timeZone: string; serviceOnly: boolean };
type Drill = (reports: Repositories['reports'], a: DrillArgs) => Promise<RowPage>;

const noneToNull = (value: string | undefined) => (value === undefined ? undefined : value === NONE ? null : value);
function dimensionValues(filter: DrillFilter) {
  const values = { class: noneToNull(filter.customerClass), tier: noneToNull(filter.valueTier), stage: noneToNull(filter.pyramidStage) };
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<Record<'class' | 'tier' | 'stage', string | null>>;
}
const touch = (dormant: boolean): Drill => (r, a) => r.touchStates.rows(a.window, a.settings.cadences, dormant, a.filter, a.paging);
const followUps = (figure: 'created' | 'done' | 'overdue'): Drill => (r, a) => r.followUps.rows(a.window, figure, a.filter, a.paging);
const visits = (figure: 'planned' | 'held' | 'reported' | 'unreviewed'): Drill => (r, a) => r.visits.rows(a.window, figure, a.filter, a.paging);
const service = (figure: 'opened' | 'inTime' | 'late' | 'pastDeadline'): Drill => (r, a) => r.service.rows(a.window, figure, a.filter, a.paging);
const feedback = (figure: 'rated' | 'feedback'): Drill => (r, a) => r.feedback.rows(a.window, !a.serviceOnly, figure, a.filter, a.paging);

export const DRILLS: Record<DrillFigure, Drill> = {
  'customers.current': (r, a) => r.customerStates.rows(a.window, 'current', dimensionValues(a.filter), null, a.paging),
  'customers.previous': (r, a) => r.customerStates.rows(a.window, 'previous', dimensionValues(a.filter), null, a.paging),
  'customers.moved': (r, a) => r.customerStates.rows(a.window, 'moved', dimensionValues(a.filter), a.filter.dimension ?? null, a.paging),
  'cadence.overdue': touch(true),
  'cadence.compliant': touch(false),
  'followUps.created': followUps('created'),
  'followUps.done': followUps('done'),
  'followUps.overdue': followUps('overdue'),
  'visits.planned': visits('planned'),
  'visits.held': visits('held'),
  'visits.reported': visits('reported'),
  'visits.unreviewed': visits('unreviewed'),
  'service.opened': service('opened'),
  'service.inTime': service('inTime'),
  'service.late': service('late'),
  'service.pastDeadline': service('pastDeadline'),
  'service.rated': feedback('rated'),
  'service.feedback': feedback('feedback'),
  'growth.newCustomers': (r, a) => {
    const month = a.filter.month ? `${a.filter.month}-01` : null;
    const bounds = month ? { monthFrom: instantAt(month, a.timeZone), monthTo: instantAt(addMonths(month, 1), a.timeZone) } : {};
    return r.growth.newCustomerRows(a.window, { ...a.filter, ...bounds }, a.paging);
  },
  'growth.topRevenue': (r, a) => r.growth.topRevenueRows(a.window, a.filter, a.paging),
};

/** Figures a support lead may drill into across the organisation (their service access). */
export const isServiceFigure = (figure: DrillFigure) => figure.startsWith('service.');
