import { useRef, useState } from 'preact/hooks';
import { timelineKindSchema, type ImportedSource, type TimelineItem, type TimelineKind } from '../../../shared/schemas/timeline';
import { formatDateTime, t, type MessageKey } from '../../i18n';
import { TIMELINE_STEP, type TimelineEntry } from '../../local-db/queries/timeline';
import { useSidebarData } from '../data/sidebar-data';
import { FollowUpForm } from '../follow-ups/follow-up-form';
import { followUpTitle } from '../follow-ups/phrasing';
import { useLive } from '../hooks/use-live';
import { TimelineFilter } from './timeline-filter';

/** The customer's timeline, newest first, filterable by kind (follow-ups, requests and complaints are merged in). */
export function Timeline({ customerId, customerName = '' }: { customerId: string; customerName?: string }) {
  const data = useSidebarData();
  // The replica holds the whole timeline (the pull has no horizon): "show older" reads further
  // into it. One more than shown tells whether there is more.
  const [limit, setLimit] = useState(TIMELINE_STEP);
  const read = useLive(() => data.timeline(customerId, limit + 1), [customerId, limit]);
  // While the longer read runs, the lines already shown stay (never another customer's).
  const kept = useRef<{ customerId: string; entries: TimelineEntry[] } | null>(null);
  if (read) kept.current = { customerId, entries: read };
  const loaded = read ?? (kept.current?.customerId === customerId ? kept.current.entries : undefined);
  const items = loaded?.slice(0, limit);
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
          <TimelineLine key={item.id} item={item} customerName={customerName} />
        ))}
      </ol>
      {loaded && loaded.length > limit && (
        <button type="button" class="link" data-testid="timeline-older" onClick={() => setLimit(limit + TIMELINE_STEP)}>
          {t('timeline.older')}
        </button>
      )}
    </section>
  );
}

/** One line of a timeline, from the replica or from the server (server-timeline.tsx). */
export function TimelineLine({ item, customerName }: { item: TimelineEntry; customerName: string }) {
  const [following, setFollowing] = useState(false);
  const f = item.followUp;
  // A request or complaint says which, and where it stands (issue 4).
  const label = item.service ? t(`service.type.${item.service.type}` as MessageKey) : t(`timeline.kind.${item.kind}` as MessageKey);
  return (
    <li class={`timeline-item kind-${item.kind}`} data-testid="timeline-item" data-kind={item.kind}>
      <div class="timeline-meta">
        <span class="kind">{label}</span>
        {item.service && <span data-testid="timeline-stage">{t(`service.stage.${item.service.stage}` as MessageKey)}</span>}
        <time dateTime={item.occurredAt}>{formatDateTime(item.occurredAt)}</time>
        {item.private && (
          <span class="badge" data-testid="private-badge">
            {t('timeline.private')}
          </span>
        )}
        {f && <span>{t(f.status === 'open' ? 'timeline.followUpOpen' : f.status === 'done' ? 'followUp.status.done' : 'followUp.status.skipped')}</span>}
        {!f && !following && (
          <button type="button" class="link" data-testid="follow-up-item" onClick={() => setFollowing(true)}>
            {t('timeline.followUp')}
          </button>
        )}
      </div>
      {/* Summaries come from mail and people: text only, never markup (house rule 10). */}
      {f ? (
        <p class="summary">{followUpTitle(f, { customerName, contactName: null })}</p>
      ) : item.imported ? (
        <Imported item={item} source={item.imported} />
      ) : (
        <p class="summary">{item.summary}</p>
      )}
      {following && (
        <FollowUpForm
          customerId={item.customerId}
          source={{ id: item.id, reason: t('followUp.about', { summary: item.summary.slice(0, 200) }) }}
          onDone={() => setFollowing(false)}
        />
      )}
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
