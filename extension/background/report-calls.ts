import { activityReportSchema, cadenceReportSchema, customersReportSchema, growthReportSchema, serviceReportSchema, type ReportName, type ReportQuery } from '../../shared/schemas/reports';
import { drillOutputSchema } from '../../shared/schemas/report-rows';
import type { LocalDb } from '../local-db/db';
import type { ImportResult } from '../messaging/import-protocol';
import type { ReportCall } from '../messaging/report-protocol';
import type { ApiClient } from '../sync/trpc-client';
import { callServer } from './server-call';

/** Each report procedure, its answer parsed with the contract's schema before it reaches the page. */
const REPORTS: Record<ReportName, (api: ApiClient, input: ReportQuery) => Promise<unknown>> = {
  customers: async (api, input) => customersReportSchema.parse(await api.reports.customers.query(input)),
  cadence: async (api, input) => cadenceReportSchema.parse(await api.reports.cadence.query(input)),
  activity: async (api, input) => activityReportSchema.parse(await api.reports.activity.query(input)),
  service: async (api, input) => serviceReportSchema.parse(await api.reports.service.query(input)),
  growth: async (api, input) => growthReportSchema.parse(await api.reports.growth.query(input)),
};

/** One report, or the rows behind one figure (`reports.rows`), for the dashboard page. */
export function reportCall(db: LocalDb, request: ReportCall): Promise<ImportResult<unknown>> {
  return callServer(db, async (api) =>
    request.call === 'report' ? REPORTS[request.name](api, request.input) : drillOutputSchema.parse(await api.reports.rows.query(request.input)),
  );
}
