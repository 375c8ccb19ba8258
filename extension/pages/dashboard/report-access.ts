import type { AccessViewer } from '../../../shared/domain/access';
import { REPORT_NAMES, type ReportName, type ReportScope } from '../../../shared/schemas/reports';

/**
 * What the dashboard offers the signed-in person, mirroring the server's rule
 * (server/domain/reports/report-scope.ts, docs/reports.md). The server decides: a forced scope is
 * refused there; this only keeps the page from offering what would be refused.
 *
 * - sales rep, account manager: 'me'.
 * - manager: 'department' (their own, when they have one) and 'me'.
 * - admin: 'organisation', 'department' (any) and 'me'.
 * - support lead: 'organisation' for the service figures only, and 'me' for everything.
 */
export function reportScopesFor(viewer: AccessViewer): readonly ReportScope[] {
  switch (viewer.role) {
    case 'admin':
      return ['organisation', 'department', 'me'];
    case 'manager':
      return viewer.departmentId === null ? ['me'] : ['department', 'me'];
    case 'support_lead':
      return ['organisation', 'me'];
    default:
      return ['me'];
  }
}

/** The reports a scope shows: a support lead's organisation view is the service report alone. */
export function reportsFor(viewer: AccessViewer, scope: ReportScope): readonly ReportName[] {
  return viewer.role === 'support_lead' && scope === 'organisation' ? ['service'] : REPORT_NAMES;
}
