import { useState } from 'preact/hooks';
import type { Visit } from '../../../shared/schemas/visit';
import { formatDateTime, t } from '../../i18n';
import { useSidebarData } from '../data/sidebar-data';
import type { FieldErrors } from '../forms/field-errors';
import { useLive } from '../hooks/use-live';
import { FieldError, FormEnd } from '../service/field-error';
import { saveErrors } from '../service/rule-problems';
import { PastWarning } from '../service/step-forms';
import { fromLocalInput, toLocalInput, userTimeZone } from '../zoned-format';

type Props = { customerId: string; existing: Visit | null; onDone: () => void; onCancel: () => void };

const toggle = (ids: string[], id: string, on: boolean) => (on ? [...ids, id] : ids.filter((x) => x !== id));

/**
 * A visit plan (time, who, purpose, expected result), on a calendar meeting of the customer or on
 * the customer alone; the same form changes a plan that has not happened yet.
 */
export function VisitPlanForm({ customerId, existing, onDone, onCancel }: Props) {
  const data = useSidebarData();
  const contacts = useLive(() => data.contacts(customerId), [customerId]) ?? [];
  const members = useLive(() => data.members(), []) ?? [];
  const meetings = useLive(() => data.plannableMeetings(customerId), [customerId]) ?? [];
  const [meetingItemId, setMeetingItemId] = useState(existing?.meetingItemId ?? '');
  const [when, setWhen] = useState(existing ? toLocalInput(existing.plannedAt) : '');
  const [contactIds, setContactIds] = useState<string[]>(existing?.contactIds ?? []);
  const [userIds, setUserIds] = useState<string[]>(existing?.userIds ?? []);
  const [purpose, setPurpose] = useState(existing?.purpose ?? '');
  const [expectedResult, setExpectedResult] = useState(existing?.expectedResult ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pastConfirmed, setPastConfirmed] = useState(false);
  const [pastWarning, setPastWarning] = useState(false);

  const pickMeeting = (id: string): void => {
    setMeetingItemId(id);
    const meeting = meetings.find((m) => m.id === id);
    if (meeting) setWhen(toLocalInput(meeting.occurredAt));
  };

  const submit = async (event: Event, confirmed = pastConfirmed): Promise<void> => {
    event.preventDefault();
    const plannedAt = fromLocalInput(when);
    if (!plannedAt) return setErrors({ plannedAt: t('service.needTime') });
    if (!confirmed && !existing && Date.parse(plannedAt) < Date.now()) return setPastWarning(true);
    const plan = { plannedAt, contactIds, userIds, purpose, expectedResult, meetingItemId: meetingItemId || null };
    try {
      if (existing) await data.changeVisit(existing.id, { kind: 'visit.update', payload: { patch: plan } });
      else await data.planVisit({ customerId, ...plan });
      onDone();
    } catch (error) {
      setErrors(saveErrors(error));
    }
  };

  return (
    <form class="form step-form" data-testid="visit-plan-form" onSubmit={(e) => void submit(e)} noValidate>
      {meetings.length > 0 && (
        <label>
          <span>{t('visit.meeting')}</span>
          <select name="meetingItemId" value={meetingItemId} onChange={(e) => pickMeeting(e.currentTarget.value)}>
            <option value="">{t('visit.noMeeting')}</option>
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {formatDateTime(m.occurredAt)} · {m.summary.split('\n')[0]}
              </option>
            ))}
          </select>
        </label>
      )}
      <label class={errors.plannedAt ? 'has-error' : ''}>
        <span>{t('visit.plannedAt', { zone: userTimeZone() })}</span>
        <input type="datetime-local" name="plannedAt" value={when} onInput={(e) => setWhen(e.currentTarget.value)} />
        <FieldError errors={errors} field="plannedAt" />
      </label>
      <fieldset class={errors.contactIds ? 'has-error' : ''}>
        <legend>{t('visit.whom')}</legend>
        {contacts.length === 0 && <p class="muted small">{t('visit.noContacts')}</p>}
        {contacts.map((c) => (
          <label class="check" key={c.id}>
            <input type="checkbox" name="contactIds" value={c.id} checked={contactIds.includes(c.id)} onChange={(e) => setContactIds(toggle(contactIds, c.id, e.currentTarget.checked))} />
            <span>{c.name}</span>
          </label>
        ))}
        <FieldError errors={errors} field="contactIds" />
      </fieldset>
      <fieldset>
        <legend>{t('visit.ourPeople')}</legend>
        {members.map((m) => (
          <label class="check" key={m.id}>
            <input type="checkbox" name="userIds" value={m.id} checked={userIds.includes(m.id)} onChange={(e) => setUserIds(toggle(userIds, m.id, e.currentTarget.checked))} />
            <span>{m.displayName}</span>
          </label>
        ))}
      </fieldset>
      <label class={errors.purpose ? 'has-error' : ''}>
        <span>{t('visit.purpose')}</span>
        <textarea name="purpose" rows={2} maxLength={2000} value={purpose} onInput={(e) => setPurpose(e.currentTarget.value)} />
        <FieldError errors={errors} field="purpose" />
      </label>
      <label class={errors.expectedResult ? 'has-error' : ''}>
        <span>{t('visit.expectedResult')}</span>
        <textarea name="expectedResult" rows={2} maxLength={2000} value={expectedResult} onInput={(e) => setExpectedResult(e.currentTarget.value)} />
        <FieldError errors={errors} field="expectedResult" />
      </label>
      {pastWarning && (
        <PastWarning
          onConfirm={() => {
            setPastConfirmed(true);
            void submit(new Event('submit'), true);
          }}
        />
      )}
      <FormEnd errors={errors} save="visit.savePlan" testId="save-visit-plan" onCancel={onCancel} />
    </form>
  );
}
