import { useEffect, useState } from 'preact/hooks';
import type { AuditEvent, AuditListOutput } from '../../../shared/schemas/audit';
import { formatDateTime, t } from '../../i18n';
import { downloadText } from '../export/download';
import { adminCall } from '../admin-call';
import { auditCsv } from './audit-csv';

const PAGE = 50;
/** An export reads at most this many events (newest first): a year of a busy team fits. */
const EXPORT_MAX = 50_000;

const summary = (e: AuditEvent) =>
  Object.entries(e.changes)
    .map(([field, [before, after]]) => `${field}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`)
    .join('; ');

/** The audit trail for admins: newest first, page by page, and the whole of it as CSV. */
export function AuditTrail() {
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async (cursor: string | null) => {
    const result = await adminCall<AuditListOutput>({ call: 'audit.list', input: { cursor, limit: PAGE } });
    if (!result.ok) return setError(result.message);
    setEvents((shown) => (cursor ? [...shown, ...result.value.events] : result.value.events));
    setNext(result.value.nextCursor);
  };
  useEffect(() => void load(null), []);
  const exportAll = async () => {
    const all: AuditEvent[] = [];
    let cursor: string | null = null;
    do {
      const result: Awaited<ReturnType<typeof adminCall<AuditListOutput>>> = await adminCall<AuditListOutput>({ call: 'audit.list', input: { cursor, limit: 500 } });
      if (!result.ok) return setError(result.message);
      all.push(...result.value.events);
      cursor = result.value.nextCursor;
    } while (cursor && all.length < EXPORT_MAX);
    downloadText(`audit-${new Date().toISOString().slice(0, 10)}.csv`, auditCsv(all));
  };
  return (
    <section class="section" data-testid="audit-trail">
      <h2>{t('audit.title')}</h2>
      <p class="muted">{t('audit.hint')}</p>
      {error && <p class="error" role="alert">{error}</p>}
      <button type="button" data-testid="audit-export" onClick={() => void exportAll()}>
        {t('audit.export')}
      </button>
      {events.length === 0 && !error && <p class="muted">{t('audit.empty')}</p>}
      <table class="table">
        <thead>
          <tr>
            <th>{t('audit.when')}</th>
            <th>{t('audit.who')}</th>
            <th>{t('audit.device')}</th>
            <th>{t('audit.action')}</th>
            <th>{t('audit.record')}</th>
            <th>{t('audit.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} data-testid="audit-event" data-action={e.action ?? ''}>
              <td>{formatDateTime(e.at)}</td>
              <td>{e.userName ?? t('audit.system')}</td>
              <td>{e.device ?? ''}</td>
              <td>{e.action ?? ''}</td>
              <td>{`${e.entity} ${e.entityId.slice(0, 8)}`}</td>
              <td class="small">{summary(e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {next && (
        <button type="button" data-testid="audit-more" onClick={() => void load(next)}>
          {t('audit.more')}
        </button>
      )}
    </section>
  );
}
