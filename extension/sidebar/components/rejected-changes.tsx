import type { Mutation } from '../../../shared/schemas/sync';
import { dictionaries, t, type MessageKey } from '../../i18n';
import type { OutboxEntry } from '../../local-db/db';
import { useSidebarData } from '../data/sidebar-data';
import { useLive } from '../hooks/use-live';

/** What the user typed or chose, so a refused change can be redone; every kind is listed (tsc checks). */
export function whatChanged(mutation: Mutation): string {
  switch (mutation.kind) {
    case 'customer.create':
    case 'contact.create':
      return mutation.payload.name;
    case 'note.create':
      return mutation.payload.summary;
    case 'customer.update':
    case 'contact.update':
      return mutation.payload.patch.name ?? changedValues(mutation.payload.patch);
    case 'matchChoice.set':
      return mutation.payload.address;
    case 'customField.save':
      return mutation.payload.label;
    case 'customer.delete':
    case 'contact.delete':
    case 'customField.delete':
      return '';
    // Issue 4 (follow-ups)
    case 'followUp.create':
    case 'interaction.log':
      return 'reason' in mutation.payload ? mutation.payload.reason : mutation.payload.summary;
    case 'followUp.update':
    case 'orgSettings.update':
      return changedValues('patch' in mutation.payload ? mutation.payload.patch : mutation.payload);
    case 'followUp.complete':
      return mutation.payload.outcome ?? '';
    case 'followUp.reopen':
    case 'followUp.customerReplied':
      return '';
    // Issue 4: service and visits.
    case 'service.create':
      return mutation.payload.summary;
    case 'service.update':
    case 'visit.update':
      return changedValues(mutation.payload.patch);
    case 'service.commit':
      return mutation.payload.promisedReplyAt;
    case 'service.options':
      return mutation.payload.options.map((o) => o.text).join(' / ');
    case 'service.resolve':
      return [mutation.payload.reply, mutation.payload.result].filter(Boolean).join(' / ');
    case 'visit.plan':
      return mutation.payload.purpose;
    case 'visit.report':
      return mutation.payload.outcome;
    case 'visit.review':
      return mutation.payload.comment;
    case 'service.firstReply':
    case 'service.close':
    case 'visit.cancel':
      return '';
  }
}

/** The patch's values as text (nested groups flattened), e.g. "+86 21 1234 5678, B". */
function changedValues(patch: object): string {
  const values: string[] = [];
  const visit = (value: unknown): void => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object') Object.values(value).forEach(visit);
    else values.push(String(value));
  };
  visit(patch);
  return values.join(', ');
}

/** The code's general sentence, or one particular to the kind of change where that says more. */
function whyRefused({ code, mutation }: OutboxEntry): string {
  if (!code) return '';
  const particular = `rejected.${mutation.kind}.${code}`;
  return t((particular in dictionaries.en ? particular : `rejected.code.${code}`) as MessageKey);
}

/** Refused changes stay visible until the user dismisses them (never lost silently). */
export function RejectedChanges() {
  const data = useSidebarData();
  const entries = useLive(() => data.rejected(), []);
  if (!entries || entries.length === 0) return null;
  return (
    <section class="rejected">
      <h3 class="section-title">{t('rejected.title')}</h3>
      <ul>
        {entries.map((entry) => (
          <li key={entry.id} data-testid="rejected-change" data-code={entry.code}>
            <strong>{t(`mutation.${entry.mutation.kind}` as MessageKey)}</strong>
            {/* What the user typed, so a refused note can still be copied elsewhere. */}
            <span class="what">{whatChanged(entry.mutation)}</span>
            <span>{whyRefused(entry)}</span>
            <span class="reason">{entry.reason}</span>
            <button type="button" class="link" data-testid="dismiss-rejected" onClick={() => void data.dismissRejected(entry.id)}>
              {t('rejected.dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
