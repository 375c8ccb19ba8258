import type { ReportName, ReportScope } from '../schemas/reports';
import { REPORT_NAMES, REPORT_SCOPES } from '../schemas/reports';
import type { AccessViewer } from './access';

/**
 * Whose customers a report covers, decided from the caller's role by the access rule of issue 7
 * (access.ts): every customer in a scope is one the caller has `full` access to, except a support
 * lead's organisation-wide service report, which stays inside their `service` access (service
 * history of every customer, no sensitive field). The server enforces it; the dashboard offers
 * only what it allows (one rule, so the two never drift).
 *
 * - sales rep, account manager: 'me' (the customers they own).
 * - manager: 'me', 'department' (their own department's customers).
 * - admin: everything; 'department' names one (departmentId) or defaults to their own.
 * - support lead: 'me', and 'organisation' for the service report and its rows only.
 */
export type ReportCustomers =
  | { kind: 'owner'; userId: string }
  | { kind: 'department'; departmentId: string }
  | { kind: 'organisation' };
/** What is asked for: a report, or the rows behind a service figure or any other figure. */
export type ReportAsked = ReportName | 'drill-service' | 'drill-other';
export type ScopeDecision =
  | { ok: true; customers: ReportCustomers; departmentId: string | null }
  | { ok: false; code: 'FORBIDDEN' | 'BAD_REQUEST'; message: string };

const SERVICE_ONLY: ReadonlySet<ReportAsked> = new Set(['service', 'drill-service']);
const refuse = (code: 'FORBIDDEN' | 'BAD_REQUEST', message: string): ScopeDecision => ({ ok: false, code, message });

export function decideReportScope(
  viewer: AccessViewer,
  asked: { scope: ReportScope; departmentId?: string | undefined },
  report: ReportAsked,
): ScopeDecision {
  if (asked.departmentId !== undefined && asked.scope !== 'department') {
    return refuse('BAD_REQUEST', 'departmentId goes with scope "department" only.');
  }
  if (asked.scope === 'me') return { ok: true, customers: { kind: 'owner', userId: viewer.id }, departmentId: null };
  if (asked.scope === 'organisation') {
    if (viewer.role === 'admin' || (viewer.role === 'support_lead' && SERVICE_ONLY.has(report))) {
      return { ok: true, customers: { kind: 'organisation' }, departmentId: null };
    }
    return refuse(
      'FORBIDDEN',
      viewer.role === 'support_lead'
        ? 'Support leads see organisation-wide service figures only; ask with scope "me" for the others.'
        : 'Only an administrator can see the whole organisation’s figures; ask with scope "me"' +
            (viewer.role === 'manager' ? ' or "department".' : '.'),
    );
  }
  if (viewer.role === 'admin') {
    const departmentId = asked.departmentId ?? viewer.departmentId;
    if (!departmentId) return refuse('BAD_REQUEST', 'Choose a department: you belong to none.');
    return { ok: true, customers: { kind: 'department', departmentId }, departmentId };
  }
  if (viewer.role === 'manager' && viewer.departmentId !== null) {
    if (asked.departmentId !== undefined && asked.departmentId !== viewer.departmentId) {
      return refuse('FORBIDDEN', 'A manager sees their own department’s figures only.');
    }
    return { ok: true, customers: { kind: 'department', departmentId: viewer.departmentId }, departmentId: viewer.departmentId };
  }
  return refuse(
    'FORBIDDEN',
    viewer.role === 'manager'
      ? 'You manage no department yet; ask with scope "me".'
      : 'Only managers and administrators see a department’s figures; ask with scope "me" for your own.',
  );
}

/** The reports a scope shows to this viewer (a support lead's organisation view: service alone). */
export function reportsFor(viewer: AccessViewer, scope: ReportScope): readonly ReportName[] {
  return REPORT_NAMES.filter((report) => decideReportScope(viewer, { scope }, report).ok);
}

/**
 * The scopes the dashboard offers, widest first. An admin without a department of their own still
 * gets 'department' (they pick one); the rule only needs one to be named.
 */
export function reportScopesFor(viewer: AccessViewer): readonly ReportScope[] {
  const canAsk = (scope: ReportScope) =>
    reportsFor(viewer.role === 'admin' && scope === 'department' ? { ...viewer, departmentId: viewer.departmentId ?? 'any' } : viewer, scope).length > 0;
  return [...REPORT_SCOPES].reverse().filter(canAsk);
}
