import type { Role } from '../../shared/schemas/member';
import { t } from '../i18n';
import { getLocalDb } from '../local-db/db';
import { live } from '../local-db/live';
import { replyDeadlines } from '../local-db/queries/service-items';
import { useLive } from '../sidebar/hooks/use-live';
import { ServiceClock } from '../sidebar/service/service-clock';
import '../sidebar/service/service-visits.css';

/** Who answers for every customer's requests: the rest see the ones they own. */
const SEES_ALL: ReadonlySet<Role> = new Set(['support_lead', 'manager', 'admin']);

/**
 * The popup's first-reply deadlines across customers, nearest first and red once overdue, so a
 * support lead never misses one without opening each customer's mail.
 */
export function ServiceDeadlines({ userId, role }: { userId: string; role: Role }) {
  const owner = SEES_ALL.has(role) ? null : userId;
  const deadlines = useLive(() => live(() => replyDeadlines(getLocalDb(), owner)), [owner]);
  if (!deadlines || deadlines.total === 0) return null;
  return (
    <section class="service-deadlines" data-testid="service-deadlines">
      <h3 class="section-title">{t(owner ? 'deadlines.mine' : 'deadlines.all', { count: deadlines.total })}</h3>
      <ul class="plain">
        {deadlines.entries.map(({ item, customerName }) => (
          <li key={item.id} data-testid="service-deadline">
            <strong>{customerName}</strong> · {item.summary}
            <ServiceClock item={item} />
          </li>
        ))}
      </ul>
    </section>
  );
}
