import { durationParts, serviceClock } from '../../../shared/domain/service-clock';
import type { ServiceItem } from '../../../shared/schemas/service-item';
import { formatDateTime, t } from '../../i18n';
import { useNow } from '../hooks/use-now';

/** "2 d 3 h", "3 h 12 min", "12 min 30 s": two units, the largest that are not zero. */
export function formatDuration(ms: number): string {
  const { days, hours, minutes, seconds } = durationParts(ms);
  if (days > 0) return t('service.duration.dh', { d: days, h: hours });
  if (hours > 0) return t('service.duration.hm', { h: hours, m: minutes });
  return t('service.duration.ms', { m: minutes, s: seconds });
}

/**
 * The first-reply clock, counting down live; red once the deadline has passed, and stopped (with
 * on time / late) by the first reply. The deadline is shown in the user's zone with its name.
 */
export function ServiceClock({ item }: { item: Pick<ServiceItem, 'firstReplyDueAt' | 'firstReplyAt'> }) {
  const now = useNow(1000);
  const clock = serviceClock(item, now);
  const text =
    clock.state === 'running'
      ? t('service.clock.left', { time: formatDuration(clock.msLeft) })
      : clock.state === 'overdue'
        ? t('service.clock.overdue', { time: formatDuration(clock.msLeft) })
        : clock.late
          ? t('service.clock.repliedLate', { time: formatDuration(clock.msLate) })
          : t('service.clock.repliedOnTime');
  return (
    <p class={`service-clock clock-${clock.state}${clock.state === 'replied' && clock.late ? ' late' : ''}`} data-testid="service-clock" data-state={clock.state} role={clock.state === 'overdue' ? 'status' : undefined}>
      <strong>{text}</strong> <span class="muted-inline small">{t('service.clock.due', { at: formatDateTime(clock.dueAt, true) })}</span>
    </p>
  );
}
