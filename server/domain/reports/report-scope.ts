import { decideReportScope, type ReportAsked, type ReportCustomers } from '../../../shared/domain/report-scope';
import type { ReportQuery } from '../../../shared/schemas/reports';
import type { AuthedUser } from '../auth-service';
import { DomainError } from '../errors';

export type { ReportAsked };
export type ResolvedScope = { customers: ReportCustomers; departmentId: string | null };

/** The shared scope rule (shared/domain/report-scope.ts), refusals as the API's errors. */
export function resolveScope(user: AuthedUser, query: Pick<ReportQuery, 'scope' | 'departmentId'>, report: ReportAsked): ResolvedScope {
  const decision = decideReportScope(user, query, report);
  if (!decision.ok) throw new DomainError(decision.code, decision.message);
  return { customers: decision.customers, departmentId: decision.departmentId };
}
