import type { TimelineKind } from '../../../shared/schemas/timeline';
import { t, type MessageKey } from '../../i18n';

/**
 * Filter the timeline by kind (DOMAIN.md "Timeline": newest first, filterable by kind): one chip
 * per kind the customer's timeline has, and "all".
 */
export function TimelineFilter({ kinds, value, onChange }: { kinds: readonly TimelineKind[]; value: TimelineKind | null; onChange: (kind: TimelineKind | null) => void }) {
  if (kinds.length < 2) return null;
  return (
    <div class="row timeline-filter" role="group" aria-label={t('timeline.filter')} data-testid="timeline-filter">
      <button type="button" class={value === null ? 'active' : ''} aria-pressed={value === null} onClick={() => onChange(null)}>
        {t('timeline.filterAll')}
      </button>
      {kinds.map((kind) => (
        <button type="button" key={kind} data-kind={kind} class={value === kind ? 'active' : ''} aria-pressed={value === kind} onClick={() => onChange(kind)}>
          {t(`timeline.kind.${kind}` as MessageKey)}
        </button>
      ))}
    </div>
  );
}
