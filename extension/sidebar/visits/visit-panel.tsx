import { useState } from 'preact/hooks';
import { formatDateTime, t, type MessageKey } from '../../i18n';
import type { VisitView } from '../../local-db/queries/visits';
import { useSidebarData } from '../data/sidebar-data';
import type { FieldErrors } from '../forms/field-errors';
import { useLive } from '../hooks/use-live';
import { FieldError } from '../service/field-error';
import { saveErrors } from '../service/rule-problems';
import '../service/service-visits.css';
import { followUpText, VisitBrief } from './visit-brief';
import { VisitPlanForm } from './visit-plan-form';
import { VisitReportView } from './visit-report-view';
import { VisitReportForm } from './visit-report-form';

/** The brief shows for the next planned visit from this many days before it (and after, until reported). */
const BRIEF_DAYS = 14;

type Editing = { visitId: string; form: 'plan' | 'report' } | 'new' | null;

/** The customer's visits: plan one, read the brief before it, report it after, see the review. */
export function VisitPanel({ customerId }: { customerId: string }) {
  const data = useSidebarData();
  const views = useLive(() => data.visits(customerId), [customerId]);
  const [editing, setEditing] = useState<Editing>(null);
  if (!views) return null;
  const next = views.find((v) => v.visit.status === 'planned');
  const briefDue = next && Date.parse(next.visit.plannedAt) - Date.now() <= BRIEF_DAYS * 86_400_000;
  return (
    <section class="file-section visit-panel" data-testid="visit-panel">
      <div class="section-head">
        <h3 class="section-title">{t('visit.title')}</h3>
        {editing !== 'new' && (
          <button type="button" class="link" data-testid="plan-visit" onClick={() => setEditing('new')}>
            {t('visit.plan')}
          </button>
        )}
      </div>
      {editing === 'new' && <VisitPlanForm customerId={customerId} existing={null} onDone={() => setEditing(null)} onCancel={() => setEditing(null)} />}
      {next && briefDue && <VisitBrief visit={next.visit} />}
      {views.length === 0 && editing !== 'new' && <p class="muted small">{t('visit.none')}</p>}
      <ul class="visit-list">
        {views.map((view) => (
          <VisitItem key={view.visit.id} view={view} editing={editing} setEditing={setEditing} />
        ))}
      </ul>
    </section>
  );
}

function VisitItem({ view, editing, setEditing }: { view: VisitView; editing: Editing; setEditing: (e: Editing) => void }) {
  const { visit } = view;
  const data = useSidebarData();
  const [errors, setErrors] = useState<FieldErrors>({});
  const form = editing !== 'new' && editing?.visitId === visit.id ? editing.form : null;
  const done = () => setEditing(null);
  const cancel = async (): Promise<void> => {
    try {
      await data.changeVisit(visit.id, { kind: 'visit.cancel', payload: {} });
    } catch (error) {
      setErrors(saveErrors(error));
    }
  };
  return (
    <li class={`visit-item status-${visit.status}`} data-testid="visit-item" data-status={visit.status} data-id={visit.id}>
      <div class="card-head">
        <span class="badge">{t(`visit.status.${visit.status}` as MessageKey)}</span>
        <span>{formatDateTime(visit.report?.heldAt ?? visit.plannedAt, true)}</span>
      </div>
      <p class="pre small">{visit.purpose}</p>
      <p class="muted small">{t('visit.expecting', { result: visit.expectedResult })}</p>
      {visit.report && <VisitReportView visit={visit} />}
      {view.followUps.length > 0 && (
        <ul class="plain small" data-testid="visit-follow-ups">
          {view.followUps.map((f) => (
            <li key={f.id} data-purpose={f.purpose} data-status={f.status}>
              {followUpText(f)} · {formatDateTime(f.dueAt, true)} · {t(`service.followUp.${f.status}` as MessageKey)}
            </li>
          ))}
        </ul>
      )}
      {visit.status === 'planned' && !form && (
        <div class="row">
          <button type="button" class="primary" data-testid="report-visit" onClick={() => setEditing({ visitId: visit.id, form: 'report' })}>
            {t('visit.report')}
          </button>
          <button type="button" data-testid="edit-visit" onClick={() => setEditing({ visitId: visit.id, form: 'plan' })}>
            {t('visit.edit')}
          </button>
          <button type="button" class="link danger" data-testid="cancel-visit" onClick={() => void cancel()}>
            {t('visit.cancel')}
          </button>
        </div>
      )}
      <FieldError errors={errors} field="" />
      {form === 'plan' && <VisitPlanForm customerId={visit.customerId} existing={visit} onDone={done} onCancel={done} />}
      {form === 'report' && <VisitReportForm visit={visit} onDone={done} onCancel={done} />}
    </li>
  );
}
