import { useState } from 'preact/hooks';
import { formatDateTime, t } from '../../i18n';
import { getLocalDb } from '../../local-db/db';
import { live } from '../../local-db/live';
import { changeVisit } from '../../local-db/mutations/visits';
import { reviewQueueOf, type ReviewQueueEntry } from '../../local-db/queries/visits';
import { sendToBackground } from '../../messaging/runtime-client';
import type { FieldErrors } from '../../sidebar/forms/field-errors';
import { useLive } from '../../sidebar/hooks/use-live';
import { FieldError } from '../../sidebar/service/field-error';
import { saveErrors } from '../../sidebar/service/rule-problems';
import '../../sidebar/service/service-visits.css';
import { VisitReportView } from '../../sidebar/visits/visit-report-view';

/**
 * Visit reports no manager has reviewed yet, oldest first (seeds FUP-04: plans and reports are
 * submitted to the supervising leader for review). On the options page rather than the popup:
 * reading a report and writing a comment needs a page that stays open, and the popup closes as
 * soon as it loses focus, taking a half-written comment with it. The popup shows the count.
 */
export function VisitReviewQueue() {
  const entries = useLive(() => live(() => reviewQueueOf(getLocalDb())), []);
  if (!entries) return null;
  return (
    <section class="card review-queue" id="visit-reviews" data-testid="review-queue">
      <h2>{t('review.title')}</h2>
      {entries.length === 0 && <p class="muted">{t('review.empty')}</p>}
      <ul class="plain">
        {entries.map((entry) => (
          <ReviewEntry key={entry.visit.id} entry={entry} />
        ))}
      </ul>
    </section>
  );
}

function ReviewEntry({ entry }: { entry: ReviewQueueEntry }) {
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const { visit } = entry;
  const review = async (event: Event): Promise<void> => {
    event.preventDefault();
    try {
      await changeVisit(getLocalDb(), visit.id, { kind: 'visit.review', payload: { comment, reviewedAt: new Date().toISOString() } });
      void sendToBackground({ type: 'sync-now' }).catch(() => undefined);
    } catch (error) {
      setErrors(saveErrors(error));
    }
  };
  return (
    <li data-testid="review-entry" data-id={visit.id}>
      <strong>{entry.customerName}</strong> · {entry.ownerName} · {formatDateTime(visit.report!.heldAt, true)}
      <p class="pre small">{visit.purpose}</p>
      <VisitReportView visit={visit} showReview={false} />
      <form class="form" onSubmit={(e) => void review(e)} noValidate>
        <label class={errors.comment ? 'has-error' : ''}>
          <span>{t('review.comment')}</span>
          <textarea name="comment" rows={2} maxLength={2000} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
          <FieldError errors={errors} field="comment" />
        </label>
        <FieldError errors={errors} field="" />
        <button type="submit" class="primary" data-testid="mark-reviewed">
          {t('review.markReviewed')}
        </button>
      </form>
    </li>
  );
}

/** For the popup: how many reports wait, and the way to the queue. */
export function ReviewCount({ onOpen }: { onOpen: () => void }) {
  const entries = useLive(() => live(() => reviewQueueOf(getLocalDb())), []);
  if (!entries || entries.length === 0) return null;
  return (
    <p class="row" data-testid="review-count">
      {t('review.waiting', { count: entries.length })}
      <button type="button" class="link" onClick={onOpen}>
        {t('review.open')}
      </button>
    </p>
  );
}
