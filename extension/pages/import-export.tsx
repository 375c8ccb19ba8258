import type { Role } from '../../shared/schemas/member';
import { ExportPanel } from './export/export-panel';
import { ImportPanel } from './import/import-panel';

/**
 * Data in and out (DOMAIN.md): import for admins (the server checks too: a dry run matches
 * against every customer of the organisation), export of one's own replica for everyone.
 */
export function ImportExport({ role }: { role: Role }) {
  return (
    <>
      {role === 'admin' && <ImportPanel />}
      <ExportPanel />
    </>
  );
}
