import { ingestionConfigFromEnv } from '../ingestion/ingestion-config';
import { ingestionJob } from '../ingestion/ingestion-job';
import { cadenceFollowUpsJob } from './cadence-follow-ups';
import { customerCareJob } from './customer-care';
import type { Job } from './job';

/** Every background job of the server, one line each (DESIGN.md house rule 1). */
export const jobs: readonly Job[] = [
  // Issue 5
  ingestionJob(ingestionConfigFromEnv().intervalMs),
  // Issue 4 (follow-ups)
  cadenceFollowUpsJob,
  customerCareJob,
];
