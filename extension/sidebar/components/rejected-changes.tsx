import type { Mutation } from '../../../shared/schemas/sync';
import { t, type MessageKey } from '../../i18n';
import { useSidebarData } from '../data/sidebar-data';
import { useLive } from '../hooks/use-live';

function whatChanged(mutation: Mutation): string {
  switch (mutation.kind) {
    case 'customer.create':
    case 'contact.create':
      return mutation.payload.name;
    case 'note.create':
      return mutation.payload.summary;
    case 'customer.update':
      return mutation.payload.patch.name ?? '';
    case 'customer.delete':
      return '';
  }
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
            <span>{entry.code ? t(`rejected.code.${entry.code}` as MessageKey) : ''}</span>
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
