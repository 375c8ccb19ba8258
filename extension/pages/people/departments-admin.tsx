import { useState } from 'preact/hooks';
import type { Department } from '../../../shared/schemas/department';
import { t } from '../../i18n';
import type { AdminCall } from '../../messaging/admin-protocol';

type Props = { departments: Department[]; change: (request: AdminCall) => Promise<unknown> };

/** Departments: add, rename, delete (the server refuses deleting one that still has people or customers). */
export function DepartmentsAdmin({ departments, change }: Props) {
  const [name, setName] = useState('');
  return (
    <div data-testid="departments-admin">
      <h3>{t('people.departments')}</h3>
      <ul>
        {departments.map((d) => (
          <li key={d.id} data-testid="department" data-name={d.name}>
            {d.name}{' '}
            <button
              type="button"
              onClick={() => {
                const next = window.prompt(t('people.renamePrompt', { name: d.name }), d.name);
                if (next && next.trim()) void change({ call: 'departments.rename', input: { id: d.id, name: next } });
              }}
            >
              {t('people.rename')}
            </button>{' '}
            <button type="button" onClick={() => void change({ call: 'departments.delete', input: { id: d.id } })}>
              {t('people.delete')}
            </button>
          </li>
        ))}
      </ul>
      <form
        class="form row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return;
          void change({ call: 'departments.create', input: { name } }).then(() => setName(''));
        }}
      >
        <input name="departmentName" placeholder={t('people.newDepartment')} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <button type="submit" data-testid="add-department">
          {t('people.addDepartment')}
        </button>
      </form>
    </div>
  );
}
