import { useState } from 'preact/hooks';
import {
  MAX_IMPORT_BYTES,
  type DuplicatePolicy,
  type ImportApplyOutput,
  type ImportInspectOutput,
  type ImportMapping,
  type ImportPass,
  type ImportReport,
} from '../../../shared/schemas/import';
import { t } from '../../i18n';
import type { ImportResult } from '../../messaging/import-protocol';
import { sendToBackground } from '../../messaging/runtime-client';
import { ImportReportView } from './import-report';
import { MappingTable } from './mapping-table';
import { fileForUpload } from './read-file';

type Upload = { fileName: string; contentBase64: string };
type Step =
  | { at: 'choose' }
  | { at: 'mapping'; upload: Upload; inspected: ImportInspectOutput; mapping: ImportMapping }
  | { at: 'report'; upload: Upload; inspected: ImportInspectOutput; mapping: ImportMapping; report: ImportReport }
  | { at: 'done'; result: ImportApplyOutput };

const hasWork = ({ counts: c }: ImportReport) =>
  c.customersToCreate + c.customersToUpdate + c.contactsToCreate + c.contactsToUpdate + c.historyToCreate + c.followUpsToCreate + c.serviceItemsToCreate > 0;

/**
 * Options page import: pick a file → check the suggested mapping → dry run → read the report →
 * import. Every server call goes through the background, which holds the token.
 */
export function ImportPanel() {
  const [pass, setPass] = useState<ImportPass>('master');
  const [duplicates, setDuplicates] = useState<DuplicatePolicy>('skip');
  const [step, setStep] = useState<Step>({ at: 'choose' });
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run<T>(label: string, call: () => Promise<ImportResult<T>>, then: (value: T) => void) {
    setBusy(label);
    setError(null);
    try {
      const result = await call();
      if (!result) setError(t('import.error.network'));
      else if (result.ok) then(result.value);
      else setError(t(`import.error.${result.error}`, { reason: result.reason }));
    } catch (e) {
      setError(t('import.error.error', { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(null);
    }
  }

  /** Reads the file and asks for headers and a suggested mapping (again when the pass changes). */
  async function inspect(file: File | null, pass: ImportPass) {
    setStep({ at: 'choose' });
    setFile(file);
    if (!file) return;
    setBusy(t('import.reading'));
    const upload = await fileForUpload(file);
    if (!upload) {
      setBusy(null);
      return setError(t('import.tooLarge', { mb: MAX_IMPORT_BYTES / 1024 / 1024 }));
    }
    await run(t('import.reading'), () => sendToBackground({ type: 'import-inspect', input: { ...upload, pass } }), (inspected) =>
      setStep({ at: 'mapping', upload, inspected, mapping: inspected.suggestedMapping }),
    );
  }

  function dryRun() {
    if (step.at !== 'mapping' && step.at !== 'report') return;
    const { upload, inspected, mapping } = step;
    const input = { ...upload, pass, mapping, duplicates, utcOffsetMinutes: -new Date().getTimezoneOffset() };
    void run(t('import.planning'), () => sendToBackground({ type: 'import-plan', input }), (report) =>
      setStep({ at: 'report', upload, inspected, mapping, report }),
    );
  }

  function apply() {
    if (step.at !== 'report') return;
    const input = { planId: step.report.planId };
    void run(t('import.applying'), () => sendToBackground({ type: 'import-apply', input }), (result) =>
      setStep({ at: 'done', result }),
    );
  }

  const editing = step.at === 'mapping' || step.at === 'report';
  return (
    <section class="card import-panel" data-testid="import-panel">
      <h2 class="card-title">{t('import.title')}</h2>
      <p class="muted">{t('import.hint')}</p>
      {step.at === 'done' ? (
        <>
          <p data-testid="import-done">
            {t('import.done', { ...step.result })}
            {step.result.followUpsCreated > 0 && ` ${t('import.doneFollowUps', { ...step.result })}`}
            {step.result.serviceItemsCreated > 0 && ` ${t('import.doneServiceItems', { ...step.result })}`}
          </p>
          <button type="button" onClick={() => void inspect(null, pass)}>
            {t('import.startOver')}
          </button>
        </>
      ) : (
        <div class="form">
          <label>
            <span>{t('import.pass')}</span>
            <select
              name="importPass"
              value={pass}
              disabled={busy !== null}
              onChange={(e) => {
                const next = e.currentTarget.value as ImportPass;
                setPass(next);
                void inspect(file, next);
              }}
            >
              <option value="master">{t('import.pass.master')}</option>
              <option value="open_items">{t('import.pass.open_items')}</option>
            </select>
            <small class="muted">{t('import.passHint')}</small>
          </label>
          <label>
            <span>{t('import.chooseFile')}</span>
            <input
              name="importFile"
              type="file"
              accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={busy !== null}
              onChange={(e) => void inspect(e.currentTarget.files?.[0] ?? null, pass)}
            />
          </label>
          {editing && (
            <>
              <p class="muted">
                {t('import.fileInfo', { name: step.upload.fileName, rows: step.inspected.dataRows, format: formatOf(step.inspected) })}
              </p>
              <h3 class="section-title">{t('import.mapping.title')}</h3>
              <p class="muted small">{t('import.mapping.hint')}</p>
              <MappingTable
                inspected={step.inspected}
                mapping={step.mapping}
                onChange={(mapping) => setStep({ ...step, at: 'mapping', mapping })}
              />
              {pass === 'master' && (
                <label>
                  <span>{t('import.duplicates')}</span>
                  <select
                    name="importDuplicates"
                    value={duplicates}
                    onChange={(e) => {
                      setDuplicates(e.currentTarget.value as DuplicatePolicy);
                      setStep({ ...step, at: 'mapping' });
                    }}
                  >
                    <option value="skip">{t('import.duplicates.skip')}</option>
                    <option value="create">{t('import.duplicates.create')}</option>
                  </select>
                </label>
              )}
              <button
                type="button"
                data-testid="import-dry-run"
                class={step.at === 'mapping' ? 'primary' : ''}
                disabled={busy !== null}
                onClick={dryRun}
              >
                {t('import.dryRun')}
              </button>
            </>
          )}
          {step.at === 'report' && (
            <>
              <ImportReportView report={step.report} />
              {hasWork(step.report) ? (
                <button type="button" class="primary" data-testid="import-apply" disabled={busy !== null} onClick={apply}>
                  {t('import.apply')}
                </button>
              ) : (
                <p class="muted">{t('import.nothingToDo')}</p>
              )}
            </>
          )}
        </div>
      )}
      {busy && <p class="muted" role="status">{busy}</p>}
      {error && (
        <p class="error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
    </section>
  );
}

const formatOf = (i: ImportInspectOutput) => (i.encoding ? `${i.format.toUpperCase()}, ${i.encoding}` : i.format.toUpperCase());
