import { Fragment, type ComponentChildren } from 'preact';
import type { ImportCounts, ImportReport } from '../../../shared/schemas/import';
import { language, t, type MessageKey } from '../../i18n';

const MASTER_COUNTS: (keyof ImportCounts)[] = [
  'dataRows',
  'customersToCreate',
  'customersToUpdate',
  'customersUnchanged',
  'contactsToCreate',
  'contactsToUpdate',
  'duplicates',
  'skippedRows',
  'errorRows',
  'emptyRows',
];
const HISTORY_COUNTS: (keyof ImportCounts)[] = [
  'dataRows',
  'historyToCreate',
  'followUpsToCreate',
  'followUpsOverdue',
  'serviceItemsToCreate',
  'serviceItemsOverdue',
  'errorRows',
  'emptyRows',
];

/** The dry run's counts, then each error, duplicate and update with its row number. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const counts = report.pass === 'master' ? MASTER_COUNTS : HISTORY_COUNTS;
  const targetLabel = (id: string) => (id.startsWith('custom.') ? id.slice(7) : t(`import.target.${id}` as MessageKey));
  return (
    <div class="import-report" data-testid="import-report">
      <h3 class="section-title">{t('import.report.title')}</h3>
      <dl class="facts">
        {counts.map((key) => (
          <Fragment key={key}>
            <dt>{t(`import.count.${key}` as MessageKey)}</dt>
            <dd data-count={key}>{report.counts[key]}</dd>
          </Fragment>
        ))}
      </dl>
      {report.errors.length > 0 && (
        <Section title={t('import.errors.title')} more={report.more.errors} testId="import-errors">
          <tr>
            <th>{t('import.col.row')}</th>
            <th>{t('import.col.column')}</th>
            <th>{t('import.col.reason')}</th>
          </tr>
          {report.errors.map((e) => (
            <tr key={`${e.row}-${e.message}`}>
              <td>{e.row || ''}</td>
              <td>{e.column ?? ''}</td>
              <td>{e.message.replace(/^Row \d+(, column "[^"]*")?: /, '')}</td>
            </tr>
          ))}
        </Section>
      )}
      {report.duplicates.length > 0 && (
        <Section title={t('import.dup.title')} more={report.more.duplicates} testId="import-duplicates">
          <tr>
            <th>{t('import.col.row')}</th>
            <th>{t('import.col.name')}</th>
            <th>{t('import.col.similarTo')}</th>
            <th>{t('import.col.action')}</th>
          </tr>
          {report.duplicates.map((d) => (
            <tr key={`${d.row}-${d.reason}`}>
              <td>{d.row}</td>
              <td>{d.name}</td>
              <td>
                {t(`import.dup.reason.${d.reason}`)}{' '}
                {d.existingRow !== null
                  ? t('import.dup.row', { row: d.existingRow, name: d.existingName })
                  : t('import.dup.existing', { name: d.existingName })}
                {d.value && d.reason !== 'name' ? ` · ${d.value}` : ''}
              </td>
              <td>{t(`import.dup.${d.action}`)}</td>
            </tr>
          ))}
        </Section>
      )}
      {report.updates.length > 0 && (
        <Section title={t('import.updates.title')} more={report.more.updates} testId="import-updates">
          <tr>
            <th>{t('import.col.row')}</th>
            <th>{t('import.col.name')}</th>
            <th>{t('import.col.fields')}</th>
          </tr>
          {report.updates.map((u) => (
            <tr key={`${u.entity}-${u.id}`}>
              <td>{u.row}</td>
              <td>
                {t(`import.entity.${u.entity}`)} {u.name}
              </td>
              <td>{u.fields.map(targetLabel).join(language === 'zh-CN' ? '、' : ', ')}</td>
            </tr>
          ))}
        </Section>
      )}
    </div>
  );
}

function Section(props: { title: string; more: number; testId: string; children: ComponentChildren }) {
  return (
    <>
      <h3 class="section-title">{props.title}</h3>
      <table class="import-table" data-testid={props.testId}>
        <tbody>{props.children}</tbody>
      </table>
      {props.more > 0 && <p class="muted small">{t('import.more', { count: props.more })}</p>}
    </>
  );
}
