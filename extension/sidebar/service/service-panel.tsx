import { useState } from 'preact/hooks';
import { threadRefOf } from '../../../shared/domain/no-reply-rule';
import type { ThreadContext } from '../../../shared/schemas/host-context';
import { t } from '../../i18n';
import { useSidebarData } from '../data/sidebar-data';
import { useLive } from '../hooks/use-live';
import { LogServiceItem } from './log-service-item';
import { ServiceItemCard } from './service-item-card';
import './service-visits.css';

type Props = { customerId: string; context: ThreadContext | null; contactId: string | null };

/**
 * The customer's requests and complaints (DOMAIN.md "Service"): log one from the open email in
 * one click, see each first-reply clock count down, and move complaints through their workflow.
 * Closed ones stay one click away.
 */
export function ServicePanel({ customerId, context, contactId }: Props) {
  const data = useSidebarData();
  const views = useLive(() => data.serviceItems(customerId), [customerId]);
  const [showClosed, setShowClosed] = useState(false);
  if (!views) return null;
  const open = views.filter((v) => v.item.stage !== 'closed');
  const closed = views.filter((v) => v.item.stage === 'closed');
  const threadRef = context ? threadRefOf(context.host, context.threadId) : null;
  const loggedHere = open.some((v) => threadRef !== null && v.item.threadRef === threadRef);
  return (
    <section class="file-section service-panel" data-testid="service-panel">
      <div class="section-head">
        <h3 class="section-title">{t('service.title')}</h3>
        {open.length > 0 && <span class="badge" data-testid="service-open-count">{open.length}</span>}
      </div>
      <LogServiceItem key={threadRef ?? customerId} customerId={customerId} context={context} contactId={contactId} loggedHere={loggedHere} />
      <ul class="service-items">
        {[...open, ...(showClosed ? closed : [])].map((view) => (
          <ServiceItemCard key={view.item.id} view={view} />
        ))}
      </ul>
      {closed.length > 0 && (
        <button type="button" class="link small" data-testid="toggle-closed" onClick={() => setShowClosed(!showClosed)}>
          {showClosed ? t('service.hideClosed') : t('service.showClosed', { count: closed.length })}
        </button>
      )}
    </section>
  );
}
