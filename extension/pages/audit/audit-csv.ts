import { toCsv } from '../../../shared/domain/csv-writer';
import type { AuditEvent } from '../../../shared/schemas/audit';

export const AUDIT_CSV_HEADER = ['time', 'user', 'user id', 'device', 'action', 'record type', 'record id', 'operation', 'field', 'before', 'after'];

const text = (value: unknown): string => (value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/** One line per changed field, so a spreadsheet can filter by field; values as JSON when not text. */
export function auditCsv(events: readonly AuditEvent[]): string {
  const rows = events.flatMap((e) => {
    const who = [e.at, e.userName ?? '', e.userId ?? '', e.device ?? '', e.action ?? '', e.entity, e.entityId, e.op];
    const fields = Object.entries(e.changes);
    return fields.length === 0 ? [[...who, '', '', '']] : fields.map(([field, [before, after]]) => [...who, field, text(before), text(after)]);
  });
  return toCsv(AUDIT_CSV_HEADER, rows);
}
