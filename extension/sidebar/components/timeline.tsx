import { useState } from 'preact/hooks';
import { timelineKindSchema, type TimelineKind } from '../../../shared/schemas/timeline';
import { formatDateTime, t, type MessageKey } from '../../i18n';
import type { TimelineEntry } from '../../local-db/queries/timeline';
import { useSidebarData } from '../data/sidebar-data';
import { useLive } from '../hooks/use-live';
import { TimelineFilter } from './timeline-filter';

export function Timeline({ customerId }: { customerId: string }) {
  const data = useSidebarData();
  const items = useLive(() => data.timeline(customerId), [customerId]);
  const [kind, setKind] = useState<TimelineKind | null>(null);
  const kinds = timelineKindSchema.options.filter((k) => items?.some((i) => i.kind === k));
  const shown = (items ?? []).filter((i) => kind === null || i.kind === kind);
  return (
    <section class="timeline" data-testid="timeline">
      <h3 class="section-title">{t('timeline.title')}</h3>
      <TimelineFilter kinds={kinds} value={kind} onChange={setKind} />
      {items && items.length === 0 && <p class="muted">{t('timeline.empty')}</p>}
      <ol>
        {shown.map((item) => (
          <Item key={item.id} item={item} />
        ))}
      </ol>
    </section>
  );
}

function Item({ item }: { item: TimelineEntry }) {
  // A request or complaint says which, and where it stands (issue 4).
  const label = item.service ? t(`service.type.${item.service.type}` as MessageKey) : t(`timeline.kind.${item.kind}` as MessageKey);
  return (
    <li class={`timeline-item kind-${item.kind}`} data-testid="timeline-item" data-kind={item.kind}>
      <div class="timeline-meta">
        <span class="kind">{label}</span>
        {item.service && <span data-testid="timeline-stage">{t(`service.stage.${item.service.stage}` as MessageKey)}</span>}
        <time dateTime={item.occurredAt}>{formatDateTime(item.occurredAt)}</time>
      </div>
      {/* Summaries come from mail and people: text only, never markup (house rule 10). */}
      <p class="summary">{item.summary}</p>
    </li>
  );
}
