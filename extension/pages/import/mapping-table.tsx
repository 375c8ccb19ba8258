import { IGNORE_COLUMN, type ColumnTarget, type ImportInspectOutput, type ImportMapping } from '../../../shared/schemas/import';
import { t, type MessageKey } from '../../i18n';

type Props = { inspected: ImportInspectOutput; mapping: ImportMapping; onChange: (mapping: ImportMapping) => void };

const GROUPS = ['customer', 'contact', 'history', 'service', 'custom'] as const;

/** One row per column of the file: its header, first value, and the field it goes to (editable). */
export function MappingTable({ inspected, mapping, onChange }: Props) {
  const label = (id: string, fallback: string) =>
    id.startsWith('custom.') ? fallback : t(`import.target.${id}` as MessageKey);
  return (
    <table class="import-table" data-testid="import-mapping">
      <thead>
        <tr>
          <th>{t('import.mapping.column')}</th>
          <th>{t('import.mapping.sample')}</th>
          <th>{t('import.mapping.field')}</th>
        </tr>
      </thead>
      <tbody>
        {inspected.headers.map((header, i) => (
          <tr key={header}>
            <td>{header}</td>
            <td class="muted-inline">{inspected.sampleRows[0]?.[i] ?? ''}</td>
            <td>
              <select
                aria-label={header}
                data-column={header}
                value={mapping[header] ?? IGNORE_COLUMN}
                onChange={(e) => onChange({ ...mapping, [header]: e.currentTarget.value as ColumnTarget })}
              >
                <option value={IGNORE_COLUMN}>{t('import.mapping.ignore')}</option>
                {GROUPS.map((group) => {
                  const targets = inspected.targets.filter((target) => target.group === group);
                  return targets.length === 0 ? null : (
                    <optgroup key={group} label={t(`import.group.${group}`)}>
                      {targets.map((target) => (
                        <option key={target.id} value={target.id}>
                          {label(target.id, target.label)}
                        </option>
                      ))}
                    </optgroup>
                  );
                })}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
