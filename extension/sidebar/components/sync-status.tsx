import { formatTime, t } from '../../i18n';
import type { SyncStatus } from '../../local-db/queries/sync-status';

/** offline / syncing / synced at HH:MM / N changes waiting; the data-* attributes are for tests. */
export function statusText(status: SyncStatus): string {
  const main = {
    offline: () => t('sync.offline'),
    syncing: () => t('sync.syncing'),
    error: () => t('sync.failed'),
    'signed-out': () => t('sync.signedOut'),
    idle: () => (status.lastSyncedAt ? t('sync.syncedAt', { time: formatTime(status.lastSyncedAt) }) : t('sync.never')),
  }[status.state]();
  return status.pending > 0 ? `${main} · ${t('sync.pending', { count: status.pending })}` : main;
}

/** onRetry: a click on the line asks for a sync now (the sidebar's; the popup has its own button). */
export function SyncStatusLine({ status, onRetry }: { status: SyncStatus; onRetry?: () => void }) {
  const content = (
    <>
      <span class="dot" aria-hidden="true" />
      {statusText(status)}
    </>
  );
  return (
    <p
      class={`sync-status state-${status.state}`}
      data-testid="sync-status"
      data-state={status.state}
      data-pending={String(status.pending)}
      role="status"
      // The server's or the network's own words are technical: kept out of the line, on hover.
      title={status.lastError ?? undefined}
    >
      {onRetry ? (
        <button type="button" class="sync-retry" data-testid="sync-retry" onClick={onRetry}>
          {content}
        </button>
      ) : (
        content
      )}
    </p>
  );
}
