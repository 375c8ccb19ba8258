import { activityReportSchema, cadenceReportSchema, customersReportSchema, growthReportSchema, reportQuerySchema, serviceReportSchema } from '../../../shared/schemas/reports';
import { drillInputSchema, drillOutputSchema } from '../../../shared/schemas/report-rows';
import { authedProcedure, router } from '../init';

/**
 * Issue 9: the managers' dashboard. Queries only; the service decides who may ask for which
 * scope (server/domain/reports/report-scope.ts) and answers a refused scope with FORBIDDEN.
 */
const report = authedProcedure.input(reportQuerySchema);

export const reportsRouter = router({
  customers: report.output(customersReportSchema).query(({ ctx, input }) => ctx.services.reports.customers(ctx.user, input)),
  cadence: report.output(cadenceReportSchema).query(({ ctx, input }) => ctx.services.reports.cadence(ctx.user, input)),
  activity: report.output(activityReportSchema).query(({ ctx, input }) => ctx.services.reports.activity(ctx.user, input)),
  service: report.output(serviceReportSchema).query(({ ctx, input }) => ctx.services.reports.service(ctx.user, input)),
  growth: report.output(growthReportSchema).query(({ ctx, input }) => ctx.services.reports.growth(ctx.user, input)),
  /** The rows behind one figure, for the table under a chart and its CSV export. */
  rows: authedProcedure
    .input(drillInputSchema)
    .output(drillOutputSchema)
    .query(({ ctx, input }) => ctx.services.reports.drill(ctx.user, input)),
});
