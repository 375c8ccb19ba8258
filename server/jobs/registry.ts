import { ingestionConfigFromEnv } from '../ingestion/ingestion-config';
import { ingestionJob } from '../ingestion/ingestion-job';
import type { Job } from './job';

/** Every background job of the server, one line each (DESIGN.md house rule 1). */
export const jobs: readonly Job[] = [
  // Issue 5
  ingestionJob(ingestionConfigFromEnv().intervalMs),
];
