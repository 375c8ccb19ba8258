import { useState } from 'preact/hooks';
import { legalSteps, type ServiceStepName } from '../../../shared/domain/service-workflow';
import type { ServiceItem, ServiceStage } from '../../../shared/schemas/service-item';
import { formatDateTime, t, type MessageKey } from '../../i18n';
import type { ServiceItemView } from '../../local-db/queries/service-items';
import { FieldError } from './field-error';
import { ServiceClock } from './service-clock';
import { ServiceEditForm } from './service-edit-form';
import { CommitForm, OptionsForm, ResolveForm, useQuickStep } from './step-forms';

const PATH: Record<ServiceItem['type'], readonly ServiceStage[]> = {
  complaint: ['received', 'committed', 'options', 'return_visit', 'closed'],
  request: ['received', 'resolved', 'closed'],
};

/** Where the item is on its path: the stages, the current one marked. */
function StagePath({ item }: { item: ServiceItem }) {
  const path = PATH[item.type];
  const at = path.indexOf(item.stage);
  return (
    <ol class="stage-path" data-testid="service-stage" data-stage={item.stage}>
      {path.map((stage, i) => (
        <li key={stage} class={i < at ? 'done' : i === at ? 'current' : ''}>
          {t(`service.stage.${stage}` as MessageKey)}
        </li>
      ))}
    </ol>
  );
}

/** What has been recorded so far: the promise, the options and choice, the resolution, the return visits. */
function Record({ view }: { view: ServiceItemView }) {
  const { item } = view;
  const returnVisits = view.followUps.filter((f) => f.purpose === 'complaint_return_visit');
  const ended = returnVisits.filter((f) => f.status !== 'open');
  return (
    <dl class="facts small">
      {item.promisedReplyAt && (
        <>
          <dt>{t('service.promised')}</dt>
          <dd data-testid="promised-reply-at">{formatDateTime(item.promisedReplyAt, true)}</dd>
        </>
      )}
      {item.options.length > 0 && (
        <>
          <dt>{t('service.options')}</dt>
          <dd>
            <ul class="plain">
              {item.options.map((o) => (
                <li key={o.id} class={o.id === item.chosenOptionId ? 'chosen' : ''}>
                  {o.text}
                  {o.id === item.chosenOptionId && <span class="badge small"> {t('service.chosen')}</span>}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {item.reply && (
        <>
          <dt>{t('service.reply')}</dt>
          <dd class="pre">{item.reply}</dd>
          <dt>{t('service.result')}</dt>
          <dd class="pre">{item.result}</dd>
        </>
      )}
      {item.satisfaction !== null && (
        <>
          <dt>{t('service.satisfaction')}</dt>
          <dd>{t('service.rating', { n: item.satisfaction })}</dd>
        </>
      )}
      {item.feedbackTag && (
        <>
          <dt>{t('service.feedbackTag')}</dt>
          <dd>{t(`service.tag.${item.feedbackTag}` as MessageKey)}</dd>
        </>
      )}
      {returnVisits.length > 0 && (
        <>
          <dt>{t('service.returnVisits')}</dt>
          <dd data-testid="return-visits" data-open={String(returnVisits.length - ended.length)}>
            {t('service.returnVisitsDone', { done: ended.length, total: returnVisits.length })}
            <ul class="plain">
              {returnVisits.map((f) => (
                <li key={f.id}>
                  {formatDateTime(f.dueAt, true)} · {t(`service.followUp.${f.status}` as MessageKey)}
                  {f.satisfaction !== null && ` · ${t('service.rating', { n: f.satisfaction })}`}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  );
}

const STEP_FORMS = { commit: CommitForm, options: OptionsForm, resolve: ResolveForm } as const;

/** One request or complaint: its clock, where it stands, and the steps it can take now. */
export function ServiceItemCard({ view }: { view: ServiceItemView }) {
  const { item } = view;
  const [open, setOpen] = useState<ServiceStepName | 'edit' | null>(null);
  const quick = useQuickStep(item.id);
  const steps = legalSteps(item);
  const Form = open && open !== 'close' && open !== 'edit' ? STEP_FORMS[open] : null;
  const now = () => new Date().toISOString();
  return (
    <li class={`service-item stage-${item.stage}`} data-testid="service-item" data-type={item.type} data-id={item.id}>
      <div class="card-head">
        <span class={`badge ${item.type === 'complaint' ? 'badge-danger' : ''}`}>{t(`service.type.${item.type}` as MessageKey)}</span>
        {item.urgent && <span class="badge badge-warn">{t('service.urgent')}</span>}
        <span class="service-summary">{item.summary}</span>
      </div>
      {item.stage !== 'closed' && <ServiceClock item={item} />}
      <StagePath item={item} />
      <Record view={view} />
      {item.stage !== 'closed' && (
        <div class="row">
          {item.firstReplyAt === null && (
            <button type="button" data-testid="mark-replied" disabled={quick.busy} onClick={() => void quick.save({ kind: 'service.firstReply', payload: { repliedAt: now() } })}>
              {t('service.markReplied')}
            </button>
          )}
          <label class="check small">
            <input
              type="checkbox"
              data-testid="toggle-urgent"
              checked={item.urgent}
              onChange={(e) => void quick.save({ kind: 'service.update', payload: { patch: { urgent: e.currentTarget.checked } } })}
            />
            <span>{t('service.urgent')}</span>
          </label>
          {steps.map((step) => (
            <button
              type="button"
              key={step}
              data-testid={`step-${step}`}
              class={open === step ? 'active' : ''}
              disabled={quick.busy}
              onClick={() =>
                step === 'close' ? void quick.save({ kind: 'service.close', payload: { closedAt: now() } }) : setOpen(open === step ? null : step)
              }
            >
              {t(`service.step.${step}${step === 'commit' && item.promisedReplyAt ? 'Again' : ''}` as MessageKey)}
            </button>
          ))}
          <button type="button" class="link" data-testid="edit-service" onClick={() => setOpen(open === 'edit' ? null : 'edit')}>
            {t('service.edit')}
          </button>
        </div>
      )}
      <FieldError errors={quick.errors} field="" />
      <FieldError errors={quick.errors} field="repliedAt" />
      {Form && <Form view={view} onDone={() => setOpen(null)} />}
      {open === 'edit' && <ServiceEditForm item={item} onDone={() => setOpen(null)} />}
    </li>
  );
}
