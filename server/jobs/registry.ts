import type { Job } from './job';

/** Every background job of the server, one line each (DESIGN.md house rule 1). */
export const jobs: readonly Job[] = [];
