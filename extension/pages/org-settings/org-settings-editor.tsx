import { useState } from 'preact/hooks';
import { holidayKindSchema, orgSettingsFieldsSchema, type OrgSettingsFields } from '../../../shared/schemas/org-settings';
import { t, type MessageKey } from '../../i18n';
import { getLocalDb } from '../../local-db/db';
import { live } from '../../local-db/live';
import { updateOrgSettings } from '../../local-db/mutations/update-org-settings';
import { orgSettingsOf } from '../../local-db/queries/org-settings';
import { sendToBackground } from '../../messaging/runtime-client';
import { fieldErrorsOf, type FieldErrors } from '../../sidebar/forms/field-errors';
import { useLive } from '../../sidebar/hooks/use-live';
import { OrgDatesEditor } from './org-dates-editor';
import { changedGroups, fromForm, toForm, type SettingsForm } from './settings-values';
import '../../sidebar/follow-ups/follow-ups.css';

const CLASSES = ['A', 'B', 'C'] as const;
const ZONES: readonly string[] = Intl.supportedValuesOf('timeZone');

/**
 * The admin's editor for every number of the follow-up, service, care and report rules (DOMAIN.md: "Every
 * number below is a default an organisation admin can change"). Saved like any change: locally,
 * then synced; the server accepts it only from an admin. Each refused value is named beside its field.
 */
export function OrgSettingsEditor() {
  const settings = useLive(() => live(() => orgSettingsOf(getLocalDb())), []);
  // The form keeps what the admin typed; `settings` stays live, so only changed groups are saved.
  return settings ? <Editor settings={settings} /> : null;
}

function Editor({ settings }: { settings: OrgSettingsFields }) {
  const [form, setForm] = useState<SettingsForm>(() => toForm(settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const set = (change: Partial<SettingsForm>) => (setForm((f) => ({ ...f, ...change })), setMessage(null));

  const save = async (event: Event): Promise<void> => {
    event.preventDefault();
    const parsed = orgSettingsFieldsSchema.safeParse(fromForm(form));
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error) ?? {});
      return setMessage(t('file.fixErrors'));
    }
    setErrors({});
    const patch = changedGroups(settings, parsed.data);
    if (patch) {
      await updateOrgSettings(getLocalDb(), patch);
      void sendToBackground({ type: 'sync-now' }).catch(() => undefined);
    }
    setMessage(t('settings.saved'));
  };

  const field = (path: string, label: MessageKey, value: string, onInput: (v: string) => void, hint?: string) => (
    <label class={`field${errors[path] ? ' has-error' : ''}`}>
      <span>{t(label)}</span>
      <input name={path} inputMode="decimal" value={value} onInput={(e) => onInput(e.currentTarget.value)} />
      {hint && !errors[path] && <span class="hint">{hint}</span>}
      {errors[path] && (
        <span class="field-error" data-testid="field-error" data-field={path} role="alert">
          {errors[path]}
        </span>
      )}
    </label>
  );
  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));

  return (
    <section class="section settings-editor" data-testid="org-settings-editor">
      <h2>{t('settings.title')}</h2>
      <p class="muted">{t('settings.hint')}</p>
      <form class="form" onSubmit={(e) => void save(e)} noValidate>
        <fieldset>
          <label class={`field${errors.timeZone ? ' has-error' : ''}`}>
            <span>{t('settings.timeZone')}</span>
            <select name="timeZone" value={form.timeZone} onChange={(e) => set({ timeZone: e.currentTarget.value })}>
              {(ZONES.includes(form.timeZone) ? ZONES : [form.timeZone, ...ZONES]).map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
            <span class="hint">{t('settings.timeZoneHint')}</span>
          </label>
          {field('reminderHour', 'settings.reminderHour', form.reminderHour, (v) => set({ reminderHour: v }))}
        </fieldset>
        <fieldset>
          <legend>{t('settings.cadences')}</legend>
          {CLASSES.map((c) => (
            <div class="pair" key={c}>
              <strong>{t('settings.class', { class: c })}</strong>
              {field(`cadences.${c}.touchDays`, 'settings.touchDays', form.cadences[c].touchDays, (v) =>
                set({ cadences: { ...form.cadences, [c]: { ...form.cadences[c], touchDays: v } } }),
              )}
              {field(`cadences.${c}.visitDays`, 'settings.visitDays', form.cadences[c].visitDays, (v) =>
                set({ cadences: { ...form.cadences, [c]: { ...form.cadences[c], visitDays: v } } }),
              )}
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('settings.sla')}</legend>
          {field('sla.firstReplyHours', 'settings.firstReplyHours', form.firstReplyHours, (v) => set({ firstReplyHours: v }))}
          {field('sla.urgentFirstReplyHours', 'settings.urgentFirstReplyHours', form.urgentFirstReplyHours, (v) => set({ urgentFirstReplyHours: v }))}
        </fieldset>
        <fieldset>
          <legend>
            {t('settings.complaints')} · {t('settings.visits')}
          </legend>
          {field('complaints.returnVisitDays', 'settings.returnVisitDays', form.returnVisitDays, (v) => set({ returnVisitDays: v }))}
          {field('visits.thankYouDays', 'settings.thankYouDays', form.thankYouDays, (v) => set({ thankYouDays: v }))}
          {field('visits.proposalDays', 'settings.proposalDays', form.proposalDays, (v) => set({ proposalDays: v }))}
        </fieldset>
        <fieldset>
          <legend>{t('settings.care')}</legend>
          <span class="small muted-inline">{t('settings.careClasses')}</span>
          <div class="checks">
            {CLASSES.map((c) => (
              <label key={c}>
                <input type="checkbox" name={`care-class-${c}`} checked={form.careClasses.includes(c)} onChange={(e) => set({ careClasses: toggle(form.careClasses, c, e.currentTarget.checked) })} />
                {c}
              </label>
            ))}
            <label>
              <input type="checkbox" name="birthdays" checked={form.birthdays} onChange={(e) => set({ birthdays: e.currentTarget.checked })} />
              {t('settings.birthdays')}
            </label>
          </div>
          <span class="small muted-inline">{t('settings.holidays')}</span>
          <div class="checks">
            {holidayKindSchema.options.map((h) => (
              <label key={h}>
                <input type="checkbox" name={`holiday-${h}`} checked={form.holidays.includes(h)} onChange={(e) => set({ holidays: toggle(form.holidays, h, e.currentTarget.checked) })} />
                {t(`care.occasion.${h}`)}
              </label>
            ))}
          </div>
          {field('care.leadDays', 'settings.leadDays', form.leadDays, (v) => set({ leadDays: v }))}
          <OrgDatesEditor rows={form.orgDates} error={errors['care.orgDates']} onChange={(orgDates) => set({ orgDates })} />
        </fieldset>
        <fieldset>
          <legend>{t('settings.reports')}</legend>
          {field('reports.newCustomersPerMonth', 'settings.newCustomersPerMonth', form.newCustomersPerMonth, (v) => set({ newCustomersPerMonth: v }), t('settings.newCustomersPerMonthHint'))}
        </fieldset>
        <div class="row">
          <button type="submit" class="primary" data-testid="save-org-settings">
            {t('settings.save')}
          </button>
          {message && (
            <span class={Object.keys(errors).length ? 'error' : 'muted'} data-testid="org-settings-message" role="status">
              {message}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
