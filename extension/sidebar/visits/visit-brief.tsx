import type { ComponentChildren } from 'preact';
import type { CustomerNeeds } from '../../../shared/schemas/customer';
import type { FollowUp } from '../../../shared/schemas/follow-up';
import type { Visit } from '../../../shared/schemas/visit';
import { formatDateTime, t, type MessageKey } from '../../i18n';
import { useSidebarData } from '../data/sidebar-data';
import { useLive } from '../hooks/use-live';
import { ServiceClock } from '../service/service-clock';

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
      <strong>{t('brief.title', { at: formatDateTime(visit.plannedAt, true) })}</strong>
      <p class="small pre">{visit.purpose}</p>
      <BriefList title="brief.openService" testId="brief-service" items={brief.openService}>
        {(s) => (
          <>
            {t(`service.type.${s.type}` as MessageKey)}: {s.summary} · {t(`service.stage.${s.stage}` as MessageKey)}
            {s.firstReplyAt === null && <ServiceClock item={s} />}
          </>
        )}
      </BriefList>
      <BriefList title="brief.openFollowUps" testId="brief-follow-ups" items={brief.openFollowUps}>
        {(f) => `${followUpText(f)} · ${formatDateTime(f.dueAt, true)}`}
      </BriefList>
      <BriefList title="brief.needs" testId="brief-needs" items={needs.map((k) => ({ id: k, k }))}>
        {({ k }) => `${t(`brief.need.${k}` as MessageKey)}: ${brief.needs![k]}`}
      </BriefList>
      <BriefList title="brief.recent" testId="brief-recent" items={brief.recent}>
        {(item) => `${t(`timeline.kind.${item.kind}` as MessageKey)} · ${formatDateTime(item.occurredAt)} · ${item.summary.split('\n')[0]}`}
      </BriefList>
    </div>
  );
}

/** One part of the brief: its heading, then its entries or "none". */
function BriefList<T extends { id: string }>(props: { title: MessageKey; testId: string; items: readonly T[]; children: (item: T) => ComponentChildren }) {
  return (
    <>
      <h4>{t(props.title)}</h4>
      {props.items.length === 0 ? (
        <p class="muted small">{t('brief.none')}</p>
      ) : (
        <ul data-testid={props.testId}>
          {props.items.map((item) => (
            <li key={item.id}>{props.children(item)}</li>
          ))}
        </ul>
      )}
    </>
  );
}
