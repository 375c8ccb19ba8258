import type { CustomerNeeds } from '../../../shared/schemas/customer';
import type { FollowUp } from '../../../shared/schemas/follow-up';
import type { Visit } from '../../../shared/schemas/visit';
import { formatDateTime, t, type MessageKey } from '../../i18n';
import { useSidebarData } from '../data/sidebar-data';
import { useLive } from '../hooks/use-live';
import { ServiceClock } from '../service/service-clock';
import { formatZoned } from '../zoned-format';

const NEEDS: readonly (keyof CustomerNeeds)[] = ['capacity', 'quality', 'deliveryTime', 'lastNeed', 'lastFeedback'];

/** A rule-made follow-up has no typed reason: it is phrased from what it is for. */
export function followUpText(f: Pick<FollowUp, 'reason' | 'purpose'>): string {
  return f.reason || t(`brief.purpose.${f.purpose}` as MessageKey);
}

/**
 * Before meeting the customer (DOMAIN.md "Visits and meetings"): what happened lately, what is
 * still open with them (complaints with their clocks, follow-ups), and what they need.
 */
export function VisitBrief({ visit }: { visit: Visit }) {
  const data = useSidebarData();
  const brief = useLive(() => data.visitBrief(visit.customerId), [visit.customerId]);
  if (!brief) return null;
  const needs = NEEDS.filter((k) => brief.needs?.[k]);
  return (
    <div class="brief" data-testid="visit-brief">
      <strong>{t('brief.title', { at: formatZoned(visit.plannedAt) })}</strong>
      <p class="small pre">{visit.purpose}</p>
      <h4>{t('brief.openService')}</h4>
      {brief.openService.length === 0 ? (
        <p class="muted small">{t('brief.none')}</p>
      ) : (
        <ul data-testid="brief-service">
          {brief.openService.map((s) => (
            <li key={s.id}>
              {t(`service.type.${s.type}` as MessageKey)}: {s.summary} · {t(`service.stage.${s.stage}` as MessageKey)}
              {s.firstReplyAt === null && <ServiceClock item={s} />}
            </li>
          ))}
        </ul>
      )}
      <h4>{t('brief.openFollowUps')}</h4>
      {brief.openFollowUps.length === 0 ? (
        <p class="muted small">{t('brief.none')}</p>
      ) : (
        <ul data-testid="brief-follow-ups">
          {brief.openFollowUps.map((f) => (
            <li key={f.id}>
              {followUpText(f)} · {formatZoned(f.dueAt)}
            </li>
          ))}
        </ul>
      )}
      <h4>{t('brief.needs')}</h4>
      {needs.length === 0 ? (
        <p class="muted small">{t('brief.none')}</p>
      ) : (
        <ul data-testid="brief-needs">
          {needs.map((k) => (
            <li key={k}>
              {t(`brief.need.${k}` as MessageKey)}: {brief.needs![k]}
            </li>
          ))}
        </ul>
      )}
      <h4>{t('brief.recent')}</h4>
      {brief.recent.length === 0 ? (
        <p class="muted small">{t('brief.none')}</p>
      ) : (
        <ul data-testid="brief-recent">
          {brief.recent.map((item) => (
            <li key={item.id}>
              {t(`timeline.kind.${item.kind}` as MessageKey)} · {formatDateTime(item.occurredAt)} · {item.summary.split('\n')[0]}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
