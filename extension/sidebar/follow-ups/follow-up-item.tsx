import { useState } from 'preact/hooks';
import { isOverdue } from '../../../shared/domain/follow-up-board';
import type { FollowUp, FollowUpPurpose } from '../../../shared/schemas/follow-up';
import type { Member } from '../../../shared/schemas/member';
import { t } from '../../i18n';
import { useSidebarData } from '../data/sidebar-data';
import { fromLocalInput, toLocalInput, formatDue } from './due-time';
import { SaveCancel } from './form-parts';
import { Greeting } from './greeting';
import { followUpTitle } from './phrasing';

/** Follow-ups where the customer was met or asked: ending one done can record a 1-5 rating. */
const RATED: ReadonlySet<FollowUpPurpose> = new Set(['complaint_return_visit', 'visit_thank_you', 'visit_proposal']);

type Props = { followUp: FollowUp; customerName: string; contactName: string | null; members: Member[] | undefined };

/** One follow-up of a customer: what and when, and done / skip / reschedule (or reopen once ended). */
export function FollowUpItem({ followUp: f, customerName, contactName, members }: Props) {
  const data = useSidebarData();
  const [mode, setMode] = useState<'view' | 'done' | 'reschedule'>('view');
  const [error, setError] = useState<string | null>(null);
  const names = { customerName, contactName };
  const nameOf = (id: string | null) => members?.find((m) => m.id === id)?.displayName ?? '';
  const run = (action: () => Promise<void>) =>
    action().then(
      () => (setMode('view'), setError(null)),
      (e: unknown) => setError(t('unknown.saveFailed', { reason: e instanceof Error ? e.message : String(e) })),
    );
  const open = f.status === 'open';
  const overdue = open && isOverdue(f.dueAt, new Date());
  return (
    <li class={`follow-up ${open ? 'is-open' : 'is-ended'}${overdue ? ' is-overdue' : ''}`} data-testid="follow-up" data-id={f.id} data-status={f.status}>
      <p class="follow-up-title">{followUpTitle(f, names)}</p>
      <p class="follow-up-meta small">
        <time dateTime={f.dueAt}>{formatDue(f.dueAt)}</time>
        {overdue && <span class="flag-danger"> · {t('followUp.overdue')}</span>}
        {open && f.replyWatch && <span> · {t('followUp.waitsForReply')}</span>}
        {contactName && <span> · {t('followUp.withContact', { name: contactName })}</span>}
        {members && <span> · {t('followUp.ownedBy', { name: nameOf(f.ownerUserId) })}</span>}
      </p>
      {!open && (
        <p class="small muted-inline" data-testid="follow-up-ended">
          {t(f.status === 'done' ? 'followUp.status.done' : 'followUp.status.skipped')}
          {f.closedBy && ` · ${f.closedBy === 'user' ? t('followUp.closedBy.user', { name: nameOf(f.completedByUserId) }) : t(`followUp.closedBy.${f.closedBy}`)}`}
          {f.outcome && ` · ${f.outcome}`}
          {f.satisfaction !== null && ` · ${'★'.repeat(f.satisfaction)}`}
        </p>
      )}
      {open && <Greeting followUp={f} names={names} />}
      {mode === 'view' && (
        <div class="row">
          {open ? (
            <>
              <button type="button" data-testid="follow-up-done" onClick={() => setMode('done')}>
                {t('followUp.done')}
              </button>
              <button type="button" data-testid="follow-up-skip" onClick={() => void run(() => data.completeFollowUp(f.id, { status: 'skipped', outcome: null, satisfaction: null }))}>
                {t('followUp.skip')}
              </button>
              <button type="button" class="link" data-testid="follow-up-reschedule" onClick={() => setMode('reschedule')}>
                {t('followUp.reschedule')}
              </button>
            </>
          ) : (
            <button type="button" class="link" data-testid="follow-up-reopen" onClick={() => void run(() => data.reopenFollowUp(f.id))}>
              {t('followUp.reopen')}
            </button>
          )}
        </div>
      )}
      {mode === 'done' && <DoneForm rated={RATED.has(f.purpose)} onCancel={() => setMode('view')} onSave={(outcome, satisfaction) => run(() => data.completeFollowUp(f.id, { status: 'done', outcome, satisfaction }))} />}
      {mode === 'reschedule' && <RescheduleForm dueAt={f.dueAt} onCancel={() => setMode('view')} onSave={(dueAt, allowOverdue) => run(() => data.updateFollowUp(f.id, { dueAt }, allowOverdue))} />}
      {error && <p class="error">{error}</p>}
    </li>
  );
}

function DoneForm({ rated, onSave, onCancel }: { rated: boolean; onSave: (outcome: string | null, rating: number | null) => Promise<void>; onCancel: () => void }) {
  const [outcome, setOutcome] = useState('');
  const [rating, setRating] = useState('');
  return (
    <form class="form section-form" data-testid="follow-up-done-form" onSubmit={(e) => (e.preventDefault(), void onSave(outcome.trim() || null, rating ? Number(rating) : null))}>
      <label>
        <span>{t('followUp.outcome')}</span>
        <textarea name="outcome" rows={2} maxLength={4000} value={outcome} onInput={(e) => setOutcome(e.currentTarget.value)} />
      </label>
      {rated && (
        <label>
          <span>{t('followUp.rating')}</span>
          <select name="satisfaction" value={rating} onChange={(e) => setRating(e.currentTarget.value)}>
            <option value="">{t('followUp.ratingNone')}</option>
            {[5, 4, 3, 2, 1].map((n) => (
              <option key={n} value={String(n)}>
                {'★'.repeat(n)} {n}
              </option>
            ))}
          </select>
        </label>
      )}
      <SaveCancel label={t('followUp.confirmDone')} testId="follow-up-confirm-done" onCancel={onCancel} />
    </form>
  );
}

function RescheduleForm({ dueAt, onSave, onCancel }: { dueAt: string; onSave: (dueAt: string, allowOverdue: boolean) => Promise<void>; onCancel: () => void }) {
  const [value, setValue] = useState(toLocalInput(new Date(dueAt)));
  const [confirm, setConfirm] = useState(false);
  const next = fromLocalInput(value);
  const past = next !== null && isOverdue(next, new Date());
  return (
    <form class="form section-form" data-testid="follow-up-reschedule-form" onSubmit={(e) => (e.preventDefault(), next && (!past || confirm) && void onSave(next, confirm))}>
      <input name="dueAt" type="datetime-local" value={value} onInput={(e) => setValue(e.currentTarget.value)} />
      {past && (
        <label class="field-check warn" data-testid="past-due">
          <input type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.currentTarget.checked)} />
          <span>
            {t('followUp.pastDue')} {t('followUp.confirmOverdue')}
          </span>
        </label>
      )}
      <SaveCancel label={t('followUp.saveTime')} testId="follow-up-save-time" disabled={!next || (past && !confirm)} onCancel={onCancel} />
    </form>
  );
}
