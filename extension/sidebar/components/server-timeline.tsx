import { useEffect, useState } from 'preact/hooks';
import type { TimelineItem } from '../../../shared/schemas/timeline';
import { t } from '../../i18n';
import type { ImportErrorKind } from '../../messaging/import-protocol';
import { useSidebarData } from '../data/sidebar-data';
import { Timeline, TimelineLine } from './timeline';

const PAGE = 50;

type Loaded = { items: TimelineItem[]; next: string | null; busy: boolean; failure: { kind: ImportErrorKind; reason: string } | null };

/**
 * A customer this replica does not hold yet (just signed in and the first sync still running, or
 * opened from a link or reminder before the pull brought it): its timeline page by page from the
 * server, through the background. When the server cannot be reached it says so and shows what
 * this device holds (the replica's timeline, usually empty); once the pull brings the customer,
 * SelectedCustomer shows the replica's own view instead.
 */
export function ServerTimeline({ customerId }: { customerId: string }) {
  const data = useSidebarData();
  const [state, setState] = useState<Loaded>({ items: [], next: null, busy: true, failure: null });
  const load = async (cursor: string | null) => {
    setState((s) => ({ ...s, busy: true }));
    const answer = await data.serverTimelinePage({ customerId, cursor, limit: PAGE });
    setState((s) =>
      answer.ok
        ? { items: [...s.items, ...answer.value.items], next: answer.value.nextCursor, busy: false, failure: null }
        : { ...s, busy: false, failure: { kind: answer.error, reason: answer.reason } },
    );
  };
  useEffect(() => void load(null), []);

  const { items, next, busy, failure } = state;
  if (failure?.kind === 'conflict') return <p class="muted" data-testid="server-timeline-not-found">{t('serverTimeline.notFound')}</p>;
  if (failure?.kind === 'signed-out') return <p class="muted" data-testid="server-timeline-signed-out">{t('serverTimeline.signedOut')}</p>;
  const problem = failure && (
    <p class="notice" data-testid="server-timeline-offline" role="status">
      {failure.kind === 'network' ? t('serverTimeline.offline') : t('serverTimeline.failed', { reason: failure.reason })}
    </p>
  );
  // Nothing came from the server: say why, and show what this device holds.
  if (failure && items.length === 0) {
    return (
      <>
        {problem}
        <Timeline customerId={customerId} />
      </>
    );
  }
  return (
    <section class="timeline" data-testid="server-timeline">
      <h3 class="section-title">{t('timeline.title')}</h3>
      <p class="muted small" data-testid="server-timeline-notice">{t('serverTimeline.notice')}</p>
      {busy && items.length === 0 && <p class="muted">{t('serverTimeline.loading')}</p>}
      {!busy && !failure && items.length === 0 && <p class="muted">{t('timeline.empty')}</p>}
      <ol>
        {items.map((item) => (
          <TimelineLine key={item.id} item={item} customerName="" />
        ))}
      </ol>
      {problem}
      {next !== null && (
        <button type="button" class="link" data-testid="server-timeline-older" disabled={busy} onClick={() => void load(next)}>
          {t('timeline.older')}
        </button>
      )}
    </section>
  );
}
