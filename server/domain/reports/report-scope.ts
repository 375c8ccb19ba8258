import type { ReportName, ReportQuery } from '../../../shared/schemas/reports';
import type { CustomerScope } from '../../storage/repositories/reports/report-sql';
import type { AuthedUser } from '../auth-service';
import { DomainError } from '../errors';

/**
 * Whose customers a report covers, decided from the caller's role by the access rule of issue 7
 * (shared/domain/access.ts): every customer in a scope is one the caller has `full` access to,
 * except a support lead's organisation-wide service report, which stays inside their `service`
 * access (service history of every customer, no sensitive field).
 *
 * - sales rep, account manager: 'me' (the customers they own).
 * - manager: 'me', 'department' (their own department's customers).
 * - admin: everything; 'department' names one (departmentId) or defaults to their own.
 * - support lead: 'me', and 'organisation' for the service report and its rows only.
 */
export type ResolvedScope = { customers: CustomerScope; departmentId: string | null };
/** What is asked for: a report, or the rows behind a service figure or any other figure. */
export type ReportAsked = ReportName | 'drill-service' | 'drill-other';

const SERVICE_ONLY: ReadonlySet<ReportAsked> = new Set(['service', 'drill-service']);

export function resolveScope(user: AuthedUser, query: Pick<ReportQuery, 'scope' | 'departmentId'>, report: ReportAsked): ResolvedScope {
  if (query.departmentId !== undefined && query.scope !== 'department') {
    throw new DomainError('BAD_REQUEST', 'departmentId goes with scope "department" only.');
  }
  if (query.scope === 'me') return { customers: { kind: 'owner', userId: user.id }, departmentId: null };
  if (query.scope === 'organisation') {
    if (user.role === 'admin' || (user.role === 'support_lead' && SERVICE_ONLY.has(report))) {
      return { customers: { kind: 'organisation' }, departmentId: null };
    }
    throw new DomainError(
      'FORBIDDEN',
      user.role === 'support_lead'
        ? 'Support leads see organisation-wide service figures only; ask with scope "me" for the others.'
        : 'Only an administrator can see the whole organisation’s figures; ask with scope "me"' +
            (user.role === 'manager' ? ' or "department".' : '.'),
    );
  }
  if (user.role === 'admin') {
    const departmentId = query.departmentId ?? user.departmentId;
    if (!departmentId) throw new DomainError('BAD_REQUEST', 'Choose a department: you belong to none.');
    return { customers: { kind: 'department', departmentId }, departmentId };
  }
  if (user.role === 'manager' && user.departmentId !== null) {
    if (query.departmentId !== undefined && query.departmentId !== user.departmentId) {
      throw new DomainError('FORBIDDEN', 'A manager sees their own department’s figures only.');
    }
    return { customers: { kind: 'department', departmentId: user.departmentId }, departmentId: user.departmentId };
  }
  throw new DomainError(
    'FORBIDDEN',
    user.role === 'manager'
      ? 'You manage no department yet; ask with scope "me".'
      : 'Only managers and administrators see a department’s figures; ask with scope "me" for your own.',
  );
}
