import { useState } from 'preact/hooks';
import { suggestFirstMeeting } from '../../../shared/domain/visit-rules';
import type { FeedbackTag } from '../../../shared/schemas/service-item';
import type { Visit } from '../../../shared/schemas/visit';
import { t } from '../../i18n';
import { useSidebarData } from '../data/sidebar-data';
import type { FieldErrors } from '../forms/field-errors';
import { useLive } from '../hooks/use-live';
import { FieldError, FormEnd } from '../service/field-error';
import { saveErrors } from '../service/rule-problems';
import { SatisfactionAndTag } from '../service/step-forms';
import { fromLocalInput, toLocalInput, userTimeZone } from '../zoned-format';

/**
 * After the visit: outcome, needs, feedback (tagged), next steps, a 1-5 rating. Saving it puts
 * the visit on the timeline, updates the customer's last need and feedback, and makes the
 * thank-you (and, after a first meeting, the proposal) follow-ups.
 */
export function VisitReportForm({ visit, onDone, onCancel }: { visit: Visit; onDone: () => void; onCancel: () => void }) {
  const data = useSidebarData();
  const brief = useLive(() => data.visitBrief(visit.customerId), [visit.customerId]);
  const past = Date.parse(visit.plannedAt) <= Date.now();
  const [heldAt, setHeldAt] = useState(toLocalInput(past ? visit.plannedAt : new Date().toISOString()));
  const [text, setText] = useState({ outcome: '', needs: '', feedback: '', nextSteps: '' });
  const [satisfaction, setSatisfaction] = useState('');
  const [tag, setTag] = useState('');
  // The suggestion until the reporter says otherwise (history from before the CRM may be missing).
  const [firstMeeting, setFirstMeeting] = useState<boolean | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const heldIso = fromLocalInput(heldAt);
  const suggested = brief && heldIso ? suggestFirstMeeting(heldIso, brief.meetings, [visit.meetingItemId]) : false;
  const first = firstMeeting ?? suggested;

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (!heldIso) return setErrors({ heldAt: t('service.needTime') });
    const orNull = (value: string) => (value.trim() === '' ? null : value);
    try {
      await data.changeVisit(visit.id, {
        kind: 'visit.report',
        payload: {
          heldAt: heldIso,
          outcome: text.outcome,
          needs: orNull(text.needs),
          feedback: orNull(text.feedback),
          nextSteps: orNull(text.nextSteps),
          feedbackTag: (tag || null) as FeedbackTag | null,
          satisfaction: satisfaction ? Number(satisfaction) : null,
          firstMeeting: first,
          reportedAt: new Date().toISOString(),
        },
      });
      onDone();
    } catch (error) {
      setErrors(saveErrors(error));
    }
  };

  const area = (field: keyof typeof text, label: string) => (
    <label class={errors[field] ? 'has-error' : ''}>
      <span>{label}</span>
      <textarea name={field} rows={2} maxLength={field === 'needs' || field === 'feedback' ? 2000 : 4000} value={text[field]} onInput={(e) => setText({ ...text, [field]: e.currentTarget.value })} />
      <FieldError errors={errors} field={field} />
    </label>
  );

  return (
    <form class="form step-form" data-testid="visit-report-form" onSubmit={(e) => void submit(e)} noValidate>
      <label class={errors.heldAt ? 'has-error' : ''}>
        <span>{t('visit.heldAt', { zone: userTimeZone() })}</span>
        <input type="datetime-local" name="heldAt" value={heldAt} onInput={(e) => setHeldAt(e.currentTarget.value)} />
        <FieldError errors={errors} field="heldAt" />
      </label>
      {area('outcome', t('visit.outcome'))}
      {area('needs', t('visit.needs'))}
      {area('feedback', t('visit.feedback'))}
      {area('nextSteps', t('visit.nextSteps'))}
      <SatisfactionAndTag satisfaction={satisfaction} tag={tag} onSatisfaction={setSatisfaction} onTag={setTag} />
      <label class="check">
        <input type="checkbox" name="firstMeeting" data-testid="first-meeting" checked={first} onChange={(e) => setFirstMeeting(e.currentTarget.checked)} />
        <span>{t('visit.firstMeeting')}</span>
      </label>
      <FormEnd errors={errors} save="visit.saveReport" testId="save-visit-report" onCancel={onCancel} />
    </form>
  );
}
