import { join } from 'node:path';
import envPaths from 'env-paths';

/** The default data folder: CRM_DATA_DIR, else the OS's per-user data dir (+ /pglite). */
export function defaultPgliteDir(dataDir?: string): string {
  const base = dataDir ?? process.env.CRM_DATA_DIR ?? envPaths('inbox-crm', { suffix: '' }).data;
  return join(base, 'pglite');
}
