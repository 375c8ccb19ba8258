import { useEffect, useState } from 'preact/hooks';
import { inviteLink } from '../../../shared/domain/invite-link';
import type { InviteOutput, UserSummary } from '../../../shared/schemas/admin';
import { roleSchema, type Role } from '../../../shared/schemas/member';
import { formatDateTime, t, type MessageKey } from '../../i18n';
import { getLocalDb } from '../../local-db/db';
import { live } from '../../local-db/live';
import { allDepartments } from '../../local-db/queries/viewer';
import { useLive } from '../../sidebar/hooks/use-live';
import { adminCall } from '../admin-call';
import { DepartmentsAdmin } from './departments-admin';
import { InviteForm } from './invite-form';

const roleText = (role: Role) => t(`role.${role}` as MessageKey);

/** The admin's list of people: role, department, active or not, a fresh code; and invitations. */
export function PeopleAdmin({ serverUrl }: { serverUrl: string }) {
  const departments = useLive(() => live(() => allDepartments(getLocalDb())), []) ?? [];
  const [users, setUsers] = useState<UserSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<(InviteOutput & { email: string }) | null>(null);
  const refresh = async () => {
    const result = await adminCall<UserSummary[]>({ call: 'users.list' });
    if (result.ok) setUsers(result.value);
    else setError(result.message);
  };
  useEffect(() => void refresh(), []);
  const change = async (request: Parameters<typeof adminCall>[0]) => {
    setError(null);
    const result = await adminCall(request);
    if (!result.ok) setError(result.message);
    await refresh();
    return result;
  };
  const newCode = async (user: UserSummary) => {
    const result = await change({ call: 'users.issueCode', input: { id: user.id } });
    if (result.ok) setIssued({ ...(result.value as InviteOutput), email: user.email });
  };
  return (
    <section class="section" data-testid="people-admin">
      <h2>{t('people.title')}</h2>
      {error && <p class="error" role="alert" data-testid="people-error">{error}</p>}
      <InviteForm departments={departments} onInvited={(out) => (setIssued(out), void refresh())} onError={setError} />
      {issued && <InviteLink serverUrl={serverUrl} issued={issued} />}
      <table class="table" data-testid="people">
        <tbody>
          {(users ?? []).map((u) => (
            <tr key={u.id} data-testid="person" data-email={u.email}>
              <td>
                <strong>{u.displayName}</strong>
                <div class="muted small">{u.email}</div>
                <div class="muted small">{u.lastActiveAt ? t('people.lastActive', { when: formatDateTime(u.lastActiveAt) }) : t('people.never')}</div>
              </td>
              <td>
                <select name="role" aria-label={t('people.role')} value={u.role} onChange={(e) => void change({ call: 'users.update', input: { id: u.id, role: e.currentTarget.value as Role } })}>
                  {roleSchema.options.map((r) => (
                    <option key={r} value={r}>{roleText(r)}</option>
                  ))}
                </select>
              </td>
              <td>
                <select
                  name="department"
                  aria-label={t('people.department')}
                  value={u.departmentId ?? ''}
                  onChange={(e) => void change({ call: 'users.update', input: { id: u.id, departmentId: e.currentTarget.value || null } })}
                >
                  <option value="">{t('people.noDepartment')}</option>
                  {departments.map((d) => (
                    <option key={d.id} value={d.id}>{d.name}</option>
                  ))}
                </select>
              </td>
              <td>
                <span data-testid="person-status">{u.active ? t('people.active') : t('people.deactivated')}</span>{' '}
                {u.active ? (
                  <button
                    type="button"
                    data-testid="deactivate"
                    onClick={() => window.confirm(t('people.confirmDeactivate', { name: u.displayName })) && void change({ call: 'users.setActive', input: { id: u.id, active: false } })}
                  >
                    {t('people.deactivate')}
                  </button>
                ) : (
                  <button type="button" data-testid="reactivate" onClick={() => void change({ call: 'users.setActive', input: { id: u.id, active: true } })}>
                    {t('people.reactivate')}
                  </button>
                )}{' '}
                {u.active && (
                  <button type="button" onClick={() => void newCode(u)}>
                    {t('people.newCode')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <DepartmentsAdmin departments={departments} change={change} />
    </section>
  );
}

function InviteLink({ serverUrl, issued }: { serverUrl: string; issued: InviteOutput & { email: string } }) {
  const link = inviteLink({ serverUrl, email: issued.email, code: issued.code });
  return (
    <div class="notice" data-testid="invite-ready">
      <p>{t('people.inviteReady', { email: issued.email, until: formatDateTime(issued.expiresAt) })}</p>
      <input readOnly value={link} data-testid="invite-link" onFocus={(e) => e.currentTarget.select()} />
      <button type="button" onClick={() => void navigator.clipboard.writeText(link)}>
        {t('people.copy')}
      </button>
      <p class="muted small" data-testid="invite-code">{t('people.inviteCode', { code: issued.code })}</p>
    </div>
  );
}
