import type { ImportedSource, TimelineItem } from '../../../shared/schemas/timeline';
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
      {item.imported ? <Imported item={item} source={item.imported} /> : <p class="summary">{item.summary}</p>}
    </li>
  );
}

const nameOf = (party: { address: string; name: string | null }) => party.name || party.address;

/** An imported mail or meeting: who, the subject if shared, and the body for its owners. */
function Imported({ item, source }: { item: TimelineItem; source: ImportedSource }) {
  const others = source.participants.filter((p) => p.address !== source.from?.address);
  const who =
    source.direction === 'inbound' && source.from
      ? t('timeline.direction.inbound', { name: nameOf(source.from) })
      : source.direction === 'outbound'
        ? t('timeline.direction.outbound', { name: others.map(nameOf).join(', ') })
        : t('timeline.withPeople', { names: source.participants.map(nameOf).join(', ') });
  return (
    <div class="imported" data-testid="imported" data-direction={source.direction ?? ''} data-mine={String(source.mine)}>
      <p class="summary">{source.subject ?? t('timeline.hiddenSubject')}</p>
      <p class="muted who">{source.location ? `${who} · ${source.location}` : who}</p>
      {source.body && (
        <details class="body">
          <summary>{t('timeline.showBody')}</summary>
          <p class="body-text" data-testid="imported-body">{source.body}</p>
        </details>
      )}
    </div>
  );
}
