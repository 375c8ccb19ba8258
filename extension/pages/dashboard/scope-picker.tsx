import type { Department } from '../../../shared/schemas/department';
import type { ReportScope } from '../../../shared/schemas/reports';
import { rt } from '../../i18n/reports';

export type ScopeChoice = { scope: ReportScope; departmentId?: string };

type Props = {
  /** Only the scopes the signed-in role may use (report-access.ts); one choice shows no picker. */
  scopes: readonly ReportScope[];
  value: ScopeChoice;
  onChange: (choice: ScopeChoice) => void;
  /** Admins pick which department; a manager's is always their own (no list). */
  departments: readonly Department[] | null;
};

export function ScopePicker({ scopes, value, onChange, departments }: Props) {
  if (scopes.length < 2) return null;
  return (
    <fieldset class="scope-picker" data-testid="scope-picker">
      <legend>{rt('scope.label')}</legend>
      {scopes.map((scope) => (
        <label key={scope}>
          <input
            type="radio"
            name="scope"
            value={scope}
            checked={value.scope === scope}
            onChange={() => onChange({ scope, departmentId: scope === 'department' ? departments?.[0]?.id : undefined })}
          />
          {rt(`scope.${scope}`)}
        </label>
      ))}
      {value.scope === 'department' && departments && departments.length > 0 && (
        <label>
          {rt('scope.departmentOf')}{' '}
          <select name="department" value={value.departmentId} onChange={(e) => onChange({ scope: 'department', departmentId: e.currentTarget.value })}>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </fieldset>
  );
}
