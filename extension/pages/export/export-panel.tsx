import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { getLocalDb } from '../../local-db/db';
import { exportData } from '../../local-db/queries/export-lists';
import { downloadText } from './download';
import { contactsCsv, customersCsv } from './export-csv';

/** Export all customers or all contacts of the local replica (works offline). */
export function ExportPanel() {
  const [message, setMessage] = useState<string | null>(null);

  async function exportList(kind: 'customers' | 'contacts') {
    const data = await exportData(getLocalDb());
    const csv = kind === 'customers' ? customersCsv(data) : contactsCsv(data);
    if (csv.rows === 0) return setMessage(t('export.empty'));
    const file = `${t(`export.file.${kind}`)}-${new Date().toISOString().slice(0, 10)}.csv`;
    downloadText(file, csv.text);
    setMessage(t('export.done', { count: csv.rows, file }));
  }

  return (
    <section class="card" data-testid="export-panel">
      <h2 class="card-title">{t('export.title')}</h2>
      <p class="muted">{t('export.hint')}</p>
      <div class="row">
        <button type="button" data-testid="export-customers" onClick={() => void exportList('customers')}>
          {t('export.customers')}
        </button>
        <button type="button" data-testid="export-contacts" onClick={() => void exportList('contacts')}>
          {t('export.contacts')}
        </button>
      </div>
      {message && (
        <p class="muted" role="status" data-testid="export-message">
          {message}
        </p>
      )}
    </section>
  );
}
