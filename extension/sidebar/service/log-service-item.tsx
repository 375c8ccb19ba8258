import { useState } from 'preact/hooks';
import { threadRefOf } from '../../../shared/domain/no-reply-rule';
import type { ThreadContext } from '../../../shared/schemas/host-context';
import { serviceChannelSchema, type ServiceChannel, type ServiceType } from '../../../shared/schemas/service-item';
import { t, type MessageKey } from '../../i18n';
import { useSidebarData } from '../data/sidebar-data';
import type { FieldErrors } from '../forms/field-errors';
import { FieldError } from './field-error';
import { saveErrors } from './rule-problems';

type Props = {
  customerId: string;
  context: ThreadContext | null;
  contactId: string | null;
  /** An open item was already logged from this email: the form waits behind "log another". */
  loggedHere: boolean;
};

/**
 * Log a request or complaint. From an open email it is one click: the subject is the summary,
 * the clock starts now, and the thread and its newest message are remembered, so our next
 * message there stops the clock (the background's thread rule). Without a thread the user says
 * how it came in (a call, a visit...).
 */
export function LogServiceItem({ customerId, context, contactId, loggedHere }: Props) {
  const data = useSidebarData();
  const [summary, setSummary] = useState(context?.subject ?? '');
  const [urgent, setUrgent] = useState(false);
  const [channel, setChannel] = useState<ServiceChannel>(context ? 'email' : 'phone');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [another, setAnother] = useState(false);

  const log = async (type: ServiceType): Promise<void> => {
    setBusy(true);
    try {
      await data.logServiceItem({
        customerId,
        contactId,
        type,
        urgent,
        channel,
        summary,
        receivedAt: new Date().toISOString(),
        threadRef: context ? threadRefOf(context.host, context.threadId) : null,
        afterMessageId: context?.messages.at(-1)?.id ?? null,
      });
      setErrors({});
      setUrgent(false);
      setAnother(false);
      if (!context) setSummary('');
    } catch (error) {
      setErrors(saveErrors(error));
    } finally {
      setBusy(false);
    }
  };

  if (loggedHere && !another) {
    return (
      <button type="button" class="link small" data-testid="log-another" onClick={() => setAnother(true)}>
        {t('service.logAnother')}
      </button>
    );
  }
  return (
    <div class="form service-log" data-testid="service-log">
      <label class={errors.summary ? 'has-error' : ''}>
        <span>{t('service.summary')}</span>
        <input name="service-summary" value={summary} maxLength={2000} placeholder={t('service.summaryHint')} onInput={(e) => setSummary(e.currentTarget.value)} />
        <FieldError errors={errors} field="summary" />
      </label>
      <div class="row">
        {!context && (
          <select name="service-channel" aria-label={t('service.channel')} value={channel} onChange={(e) => setChannel(e.currentTarget.value as ServiceChannel)}>
            {serviceChannelSchema.options.map((c) => (
              <option key={c} value={c}>
                {t(`service.channel.${c}` as MessageKey)}
              </option>
            ))}
          </select>
        )}
        <label class="check">
          <input type="checkbox" name="service-urgent" data-testid="service-urgent" checked={urgent} onChange={(e) => setUrgent(e.currentTarget.checked)} />
          <span>{t('service.urgent')}</span>
        </label>
      </div>
      <div class="row">
        <button type="button" class="primary" data-testid="log-complaint" disabled={busy} onClick={() => void log('complaint')}>
          {t('service.logComplaint')}
        </button>
        <button type="button" data-testid="log-request" disabled={busy} onClick={() => void log('request')}>
          {t('service.logRequest')}
        </button>
      </div>
      <FieldError errors={errors} field="" />
    </div>
  );
}
