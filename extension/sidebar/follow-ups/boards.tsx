import { useEffect, useState } from 'preact/hooks';
import { BOARD_BUCKETS, groupIntoBoards } from '../../../shared/domain/follow-up-board';
import { t } from '../../i18n';
import type { BoardEntry } from '../../local-db/queries/board';
import { openContactGrid } from '../../pages/open-page';
import { formatDue, userTimeZone } from './due-time';
import { followUpTitle } from './phrasing';
import './follow-ups.css';

/** The clock the boards sort by, advanced every minute so a follow-up moves to "overdue" on time. */
function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The signed-in user's boards (seeds FUP-10): overdue first, then today, tomorrow, this week and
 * this month in the user's zone (shared/domain/follow-up-board); what lies beyond is counted.
 */
export function Boards({ entries, onOpen }: { entries: BoardEntry[] | undefined; onOpen: (customerId: string) => void }) {
  const now = useMinuteClock();
  if (!entries) return null;
  const boards = groupIntoBoards(entries, now, userTimeZone());
  const shown = BOARD_BUCKETS.filter((b) => b !== 'later' && boards[b].length > 0);
  return (
    <section class="boards" data-testid="boards">
      <div class="section-head">
        <h3 class="section-title">{t('board.title')}</h3>
        <button type="button" class="link" data-testid="open-grid" onClick={openContactGrid}>
          {t('board.grid')}
        </button>
      </div>
      {shown.length === 0 && <p class="muted">{t('board.empty')}</p>}
      {shown.map((bucket) => (
        <div key={bucket} class={`board bucket-${bucket}`} data-testid={`board-${bucket}`}>
          <h4>
            {t(`board.${bucket}` as const)} <span class="badge">{boards[bucket].length}</span>
          </h4>
          <ul>
            {boards[bucket].map((entry) => (
              <li key={entry.id}>
                <button type="button" class="board-entry" data-testid="board-entry" data-id={entry.id} onClick={() => onOpen(entry.customerId)}>
                  <span class="customer">{entry.customerName}</span>
                  <span class="what">{followUpTitle(entry, entry)}</span>
                  <time dateTime={entry.dueAt}>{formatDue(entry.dueAt)}</time>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {boards.later.length > 0 && <p class="muted small">{t('board.later', { count: boards.later.length })}</p>}
      <p class="muted small">{t('followUps.zone', { zone: userTimeZone() })}</p>
    </section>
  );
}
