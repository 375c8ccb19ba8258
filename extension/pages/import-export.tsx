import type { Role } from '../../shared/schemas/member';
import { ExportPanel } from './export/export-panel';
import { ImportPanel } from './import/import-panel';

/** Data in and out (DOMAIN.md): import for managers and admins (the server checks too), export for everyone. */
export function ImportExport({ role }: { role: Role }) {
  return (
    <>
      {(role === 'manager' || role === 'admin') && <ImportPanel />}
      <ExportPanel />
    </>
  );
}
