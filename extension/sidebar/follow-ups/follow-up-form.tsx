import { useState } from 'preact/hooks';
import { isOverdue } from '../../../shared/domain/follow-up-board';
import { threadRefOf } from '../../../shared/domain/no-reply-rule';
import type { ThreadContext } from '../../../shared/schemas/host-context';
import { t } from '../../i18n';
import { useSidebarData } from '../data/sidebar-data';
import { useLive } from '../hooks/use-live';
import { fromLocalInput, inDaysAtNine, toLocalInput, userTimeZone } from './due-time';
import { SaveCancel, useFormErrors } from './form-parts';

type Props = {
  customerId: string;
  /** The open conversation: offers "close it when the customer replies in this thread". */
  context?: ThreadContext | undefined;
  /** The timeline item it follows up, and the reason it starts with. */
  source?: { id: string; reason: string } | undefined;
  onDone: () => void;
};

const QUICK = [
  [1, 'followUp.tomorrow'],
  [3, 'followUp.in3'],
  [7, 'followUp.in7'],
] as const;

/**
 * A new follow-up: what, when (in the user's zone, named), who, with whom. From the open email it
 * can wait for the customer's reply ("follow up in N days if no reply"). A due time in the past is
 * saved only as overdue, after the person confirms it.
 */
export function FollowUpForm({ customerId, context, source, onDone }: Props) {
  const data = useSidebarData();
  const status = useLive(() => data.syncStatus(), []);
  const members = useLive(() => data.members(), []);
  const contacts = useLive(() => data.contacts(customerId), [customerId]);
  const [reason, setReason] = useState(source?.reason ?? '');
  const [due, setDue] = useState(toLocalInput(inDaysAtNine(3)));
  const [owner, setOwner] = useState<string | null>(null);
  const [contactId, setContactId] = useState('');
  const [ifNoReply, setIfNoReply] = useState(Boolean(context));
  const [confirmOverdue, setConfirmOverdue] = useState(false);
  const { errors, setErrors, failure, fail, fieldError } = useFormErrors();
  const ownerId = owner ?? status?.session?.userId ?? '';
  const dueAt = fromLocalInput(due);
  const past = dueAt !== null && isOverdue(dueAt, new Date());

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (!dueAt) return setErrors({ dueAt: t('error.dueTime') });
    if (past && !confirmOverdue) return setErrors({ dueAt: t('followUp.pastDue') });
    try {
      await data.createFollowUp({
        customerId,
        ownerUserId: ownerId || undefined,
        contactId: contactId || null,
        dueAt,
        reason,
        sourceId: source?.id ?? null,
        replyWatch:
          context && ifNoReply ? { threadRef: threadRefOf(context.host, context.threadId), afterMessageId: context.messages.at(-1)?.id ?? null } : null,
        allowOverdue: confirmOverdue,
      });
      onDone();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <form class="form section-form" data-testid="follow-up-form" onSubmit={(e) => void submit(e)} noValidate>
      <label class={errors.reason ? 'has-error' : ''}>
        <span>{t('followUp.reason')}</span>
        <textarea name="reason" rows={2} maxLength={1000} placeholder={t('followUp.reasonPlaceholder')} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        {fieldError('reason')}
      </label>
      <label class={errors.dueAt ? 'has-error' : ''}>
        <span>{t('followUp.due')}</span>
        <input name="dueAt" type="datetime-local" value={due} onInput={(e) => (setDue(e.currentTarget.value), setErrors({}))} />
        <span class="hint">{t('followUps.zone', { zone: userTimeZone() })}</span>
        {fieldError('dueAt')}
      </label>
      <div class="row quick-due">
        {QUICK.map(([days, label]) => (
          <button key={days} type="button" class="link" data-testid={`due-in-${days}`} onClick={() => setDue(toLocalInput(inDaysAtNine(days)))}>
            {t(label)}
          </button>
        ))}
      </div>
      {past && (
        <label class="field-check warn" data-testid="past-due">
          <input type="checkbox" name="confirmOverdue" checked={confirmOverdue} onChange={(e) => setConfirmOverdue(e.currentTarget.checked)} />
          <span>
            {t('followUp.pastDue')} {t('followUp.confirmOverdue')}
          </span>
        </label>
      )}
      <label>
        <span>{t('followUp.owner')}</span>
        <select name="owner" value={ownerId} onChange={(e) => setOwner(e.currentTarget.value)}>
          {(members ?? []).map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName}
            </option>
          ))}
        </select>
        {fieldError('ownerUserId')}
      </label>
      <label>
        <span>{t('followUp.contact')}</span>
        <select name="contact" value={contactId} onChange={(e) => setContactId(e.currentTarget.value)}>
          <option value="">{t('followUp.contactNone')}</option>
          {(contacts ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      {context && (
        <label class="field-check">
          <input type="checkbox" name="ifNoReply" checked={ifNoReply} onChange={(e) => setIfNoReply(e.currentTarget.checked)} />
          <span>{t('followUp.ifNoReply')}</span>
        </label>
      )}
      <SaveCancel label={t('followUp.save')} testId="save-follow-up" onCancel={onDone} />
      {failure && <p class="error">{failure}</p>}
    </form>
  );
}
