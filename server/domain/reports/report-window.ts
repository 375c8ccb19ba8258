import { resolvePeriod, type PeriodBounds } from '../../../shared/domain/report-period';
import type { OrgSettingsFields } from '../../../shared/schemas/org-settings';
import type { ReportQuery, ResolvedPeriod } from '../../../shared/schemas/reports';
import type { Store } from '../../storage/repositories/index';
import type { ReportWindow } from '../../storage/repositories/reports/report-sql';
import type { AuthedUser } from '../auth-service';
import { DomainError } from '../errors';
import { resolveScope, type ReportAsked } from './report-scope';

export type ReportContext = { window: ReportWindow; bounds: PeriodBounds; period: ResolvedPeriod; settings: OrgSettingsFields };

/**
 * Who may ask (report-scope.ts), which customers, and the period as instants in the caller's
 * zone (or the organisation's): everything a report query needs, checked before any query runs.
 */
export async function reportContext(store: Store, user: AuthedUser, query: ReportQuery, report: ReportAsked, now: Date): Promise<ReportContext> {
  const scope = resolveScope(user, query, report);
  if (scope.departmentId !== null && scope.departmentId !== user.departmentId) {
    const department = await store.repos.departments.get(user.orgId, scope.departmentId);
    if (!department || department.deleted) throw new DomainError('NOT_FOUND', 'department not found');
  }
  const settings = await store.repos.orgSettings.effective(user.orgId);
  const timeZone = query.timeZone ?? settings.timeZone;
  const bounds = resolvePeriod(query.period, timeZone, now);
  const period: ResolvedPeriod = {
    from: bounds.from.toISOString(),
    to: bounds.to.toISOString(),
    asOf: bounds.asOf.toISOString(),
    previousFrom: bounds.previousFrom.toISOString(),
    timeZone,
    scope: query.scope,
    departmentId: scope.departmentId,
  };
  const window: ReportWindow = { orgId: user.orgId, scope: scope.customers, from: bounds.from, to: bounds.to, asOf: bounds.asOf };
  return { window, bounds, period, settings };
}

/** part / whole, or null when there is nothing to divide by. */
export const shareOf = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
