import {
  activityReportSchema,
  cadenceReportSchema,
  customersReportSchema,
  drillOutputSchema,
  growthReportSchema,
  serviceReportSchema,
  type DrillInput,
  type ReportName,
  type ReportQuery,
} from '../../shared/schemas/reports';
import type { LocalDb } from '../local-db/db';
import type { ImportResult } from '../messaging/import-protocol';
import type { ReportCall } from '../messaging/report-protocol';
import type { ApiClient } from '../sync/trpc-client';
import { callServer } from './server-call';

/**
 * The `reports` router as the contract describes it (shared/schemas/reports.ts). Typed here
 * until the server's router is on this branch; every answer is parsed with the contract's
 * output schema below, so nothing unchecked reaches the page either way.
 */
type ReportsApi = {
  reports: Record<ReportName, { query(input: ReportQuery): Promise<unknown> }> & { drill: { query(input: DrillInput): Promise<unknown> } };
};
const reportsOf = (api: ApiClient) => (api as unknown as ReportsApi).reports;

const OUTPUTS = {
  customers: customersReportSchema,
  cadence: cadenceReportSchema,
  activity: activityReportSchema,
  service: serviceReportSchema,
  growth: growthReportSchema,
} as const;

/** One report or drill-down call against the server, for the dashboard page. */
export function reportCall(db: LocalDb, request: ReportCall): Promise<ImportResult<unknown>> {
  return callServer(db, async (api) =>
    request.call === 'report'
      ? OUTPUTS[request.name].parse(await reportsOf(api)[request.name].query(request.input))
      : drillOutputSchema.parse(await reportsOf(api).drill.query(request.input)),
  );
}
