import { describe, expect, it } from 'vitest';
import { reportScopesFor, reportsFor } from '../../shared/domain/report-scope';
import { REPORT_NAMES } from '../../shared/schemas/reports';

const viewer = (role: 'sales_rep' | 'account_manager' | 'support_lead' | 'manager' | 'admin', departmentId: string | null = 'dep-1') => ({ id: 'u1', role, departmentId });

// The page offers only what the server's scope rule accepts (server/domain/reports/report-scope.ts).
describe('what the dashboard offers each role', () => {
  it('gives reps and account managers their own figures only', () => {
    expect(reportScopesFor(viewer('sales_rep'))).toEqual(['me']);
    expect(reportScopesFor(viewer('account_manager'))).toEqual(['me']);
  });

  it('gives a manager their department (when they have one) and their own', () => {
    expect(reportScopesFor(viewer('manager'))).toEqual(['department', 'me']);
    expect(reportScopesFor(viewer('manager', null))).toEqual(['me']);
  });

  it('gives admins every scope and support leads the organisation for service only', () => {
    expect(reportScopesFor(viewer('admin', null))).toEqual(['organisation', 'department', 'me']);
    expect(reportScopesFor(viewer('support_lead'))).toEqual(['organisation', 'me']);
    expect(reportsFor(viewer('support_lead'), 'organisation')).toEqual(['service']);
    expect(reportsFor(viewer('support_lead'), 'me')).toEqual(REPORT_NAMES);
    expect(reportsFor(viewer('manager'), 'department')).toEqual(REPORT_NAMES);
  });
});
