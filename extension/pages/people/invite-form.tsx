import { useState } from 'preact/hooks';
import type { InviteOutput } from '../../../shared/schemas/admin';
import type { Department } from '../../../shared/schemas/department';
import { roleSchema, type Role } from '../../../shared/schemas/member';
import { t, type MessageKey } from '../../i18n';
import { adminCall } from '../admin-call';

type Props = { departments: Department[]; onInvited: (out: InviteOutput & { email: string }) => void; onError: (message: string) => void };

/** Invite someone: address, name, role, department; the answer is a one-time code (a link). */
export function InviteForm({ departments, onInvited, onError }: Props) {
  const [email, setEmail] = useState('');
  const [displayName, setName] = useState('');
  const [role, setRole] = useState<Role>('sales_rep');
  const [departmentId, setDepartment] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const result = await adminCall<InviteOutput>({ call: 'users.invite', input: { email, displayName, role, departmentId: departmentId || null } });
    if (!result.ok) return onError(result.message);
    onInvited({ ...result.value, email });
    setEmail('');
    setName('');
  };
  return (
    <form class="form row" data-testid="invite-form" onSubmit={(e) => void submit(e)}>
      <input name="inviteEmail" type="email" required placeholder={t('people.email')} value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
      <input name="inviteName" required placeholder={t('people.name')} value={displayName} onInput={(e) => setName(e.currentTarget.value)} />
      <select name="inviteRole" aria-label={t('people.role')} value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
        {roleSchema.options.map((r) => (
          <option key={r} value={r}>{t(`role.${r}` as MessageKey)}</option>
        ))}
      </select>
      <select name="inviteDepartment" aria-label={t('people.department')} value={departmentId} onChange={(e) => setDepartment(e.currentTarget.value)}>
        <option value="">{t('people.noDepartment')}</option>
        {departments.map((d) => (
          <option key={d.id} value={d.id}>{d.name}</option>
        ))}
      </select>
      <button type="submit" class="primary" data-testid="invite">
        {t('people.invite')}
      </button>
    </form>
  );
}
