import { z } from 'zod';
import { REPORT_NAMES, reportQuerySchema } from '../../shared/schemas/reports';
import { drillInputSchema } from '../../shared/schemas/report-rows';

/**
 * The dashboard page's report calls, relayed by the background, which holds the token (the page
 * never sees it). The server checks who may see which scope, whatever the page offers.
 */
export const reportCallSchema = z.discriminatedUnion('call', [
  z.object({ call: z.literal('report'), name: z.enum(REPORT_NAMES), input: reportQuerySchema }),
  z.object({ call: z.literal('rows'), input: drillInputSchema }),
]);
export type ReportCall = z.output<typeof reportCallSchema>;
