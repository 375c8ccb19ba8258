import type { TimelineItem } from '../../../shared/schemas/timeline';
import { formatDateTime, t, type MessageKey } from '../../i18n';
import { useSidebarData } from '../data/sidebar-data';
import { useLive } from '../hooks/use-live';

export function Timeline({ customerId }: { customerId: string }) {
  const data = useSidebarData();
  const items = useLive(() => data.timeline(customerId), [customerId]);
  return (
    <section class="timeline" data-testid="timeline">
      <h3 class="section-title">{t('timeline.title')}</h3>
      {items && items.length === 0 && <p class="muted">{t('timeline.empty')}</p>}
      <ol>
        {(items ?? []).map((item) => (
          <Item key={item.id} item={item} />
        ))}
      </ol>
    </section>
  );
}

function Item({ item }: { item: TimelineItem }) {
  return (
    <li class={`timeline-item kind-${item.kind}`} data-testid="timeline-item" data-kind={item.kind}>
      <div class="timeline-meta">
        <span class="kind">{t(`timeline.kind.${item.kind}` as MessageKey)}</span>
        <time dateTime={item.occurredAt}>{formatDateTime(item.occurredAt)}</time>
        {item.private && (
          <span class="badge" data-testid="private-badge">
            {t('timeline.private')}
          </span>
        )}
      </div>
      {/* Summaries come from mail and people: text only, never markup (house rule 10). */}
      <p class="summary">{item.summary}</p>
    </li>
  );
}
