import { useState } from 'preact/hooks';
import { threadRefOf } from '../../../shared/domain/no-reply-rule';
import type { ThreadContext } from '../../../shared/schemas/host-context';
import { t } from '../../i18n';
import { useSidebarData } from '../data/sidebar-data';
import { useLive } from '../hooks/use-live';
import { FollowUpForm } from './follow-up-form';
import { FollowUpItem } from './follow-up-item';
import { TouchForm } from './touch-form';
import './follow-ups.css';

/**
 * The customer's follow-ups (open ones first, the ended ones folded away), a form for a new one
 * (from the open email it can wait for the customer's reply), and "log a call or visit".
 */
export function FollowUpsPanel({ customerId, customerName, context }: { customerId: string; customerName: string; context?: ThreadContext }) {
  const data = useSidebarData();
  const followUps = useLive(() => data.followUps(customerId), [customerId]);
  const contacts = useLive(() => data.contacts(customerId), [customerId]);
  const members = useLive(() => data.members(), []);
  const [form, setForm] = useState<'none' | 'follow-up' | 'touch'>('none');
  const open = (followUps ?? []).filter((f) => f.status === 'open');
  const ended = (followUps ?? []).filter((f) => f.status !== 'open');
  const contactName = (id: string | null) => (id ? (contacts?.find((c) => c.id === id)?.name ?? null) : null);
  const item = (f: (typeof open)[number]) => (
    <FollowUpItem key={f.id} followUp={f} customerName={customerName} contactName={contactName(f.contactId)} members={members} />
  );
  return (
    <section class="file-section follow-ups" data-testid="follow-ups">
      <div class="section-head">
        <h3 class="section-title">{t('followUps.title')}</h3>
        {form === 'none' && (
          <span class="row">
            <button type="button" class="link" data-testid="add-follow-up" onClick={() => setForm('follow-up')}>
              {t('followUps.add')}
            </button>
            <button type="button" class="link" data-testid="log-touch" onClick={() => setForm('touch')}>
              {t('followUps.logTouch')}
            </button>
          </span>
        )}
      </div>
      {form === 'follow-up' && <FollowUpForm customerId={customerId} context={context} onDone={() => setForm('none')} />}
      {form === 'touch' && (
        <TouchForm customerId={customerId} sourceRef={context ? threadRefOf(context.host, context.threadId) : null} onDone={() => setForm('none')} />
      )}
      {followUps && open.length === 0 && form === 'none' && <p class="muted">{t('followUps.empty')}</p>}
      <ul class="follow-up-list">{open.map(item)}</ul>
      {ended.length > 0 && (
        <details class="ended">
          <summary class="small muted-inline">{t('followUps.ended', { count: ended.length })}</summary>
          <ul class="follow-up-list">{ended.map(item)}</ul>
        </details>
      )}
    </section>
  );
}
