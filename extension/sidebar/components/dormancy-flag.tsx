import { dormancyOf } from '../../../shared/domain/cadence';
import type { Customer } from '../../../shared/schemas/customer';
import { t } from '../../i18n';
import { useSidebarData } from '../data/sidebar-data';
import { useLive } from '../hooks/use-live';

/**
 * Churn risk: the shared rule (shared/domain/cadence dormancyOf) over the newest touch on the
 * timeline, so the sidebar and the server's reports always agree. Days since the touch vs allowed.
 */
export function DormancyFlag({ customer }: { customer: Customer }) {
  const data = useSidebarData();
  const lastTouch = useLive(() => data.lastTouch(customer.id), [customer.id]);
  // The organisation's cadences (issue 4 settings), the same numbers the server's cadence job uses.
  const settings = useLive(() => data.orgSettings(), []);
  if (lastTouch === undefined || !settings || !customer.customerClass) return null;
  const dormancy = dormancyOf(customer, lastTouch, new Date(), settings.cadences);
  if (dormancy.status === 'unclassified') return null;
  const params = { days: dormancy.daysSinceTouch, allowed: dormancy.allowedDays, class: customer.customerClass };
  const dormant = dormancy.status === 'dormant';
  return (
    <p
      class={`dormancy ${dormant ? 'flag-danger' : 'muted'}`}
      data-testid="dormancy"
      data-status={dormancy.status}
      data-days={String(dormancy.daysSinceTouch)}
      role={dormant ? 'status' : undefined}
    >
      {t(dormancy.lastTouchAt ? (dormant ? 'card.dormant' : 'card.active') : dormant ? 'card.dormantNever' : 'card.activeNever', params)}
    </p>
  );
}
