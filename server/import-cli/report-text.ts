import type { ImportApplyOutput, ImportReport } from '../../shared/schemas/import';
import { isBaseTarget, TARGETS } from '../domain/import/targets';

const SHOWN = 50;
const label = (target: string) => (target === 'ignore' ? '(ignored)' : isBaseTarget(target) ? TARGETS[target].label : target);

const DUPLICATE_REASONS = {
  code: 'same code as',
  taxNumber: 'same tax number as',
  emailDomain: 'same email domain as',
  name: 'nearly the same name as',
  contactEmail: 'address already belongs to a contact of',
} as const;

/** The dry-run report as plain text for a terminal. */
export function reportText(report: ImportReport): string {
  const c = report.counts;
  const lines: string[] = [];
  const encoding = report.encoding ? `, ${report.encoding}` : '';
  const pass = report.pass === 'master' ? 'pass 1: master data' : 'pass 2: open items at cut-over';
  lines.push(`Dry run of ${report.fileName} (${report.format}${encoding}), ${pass}`);
  lines.push('', 'Columns:');
  const width = Math.max(...Object.keys(report.mapping).map(displayWidth));
  for (const [header, target] of Object.entries(report.mapping)) {
    lines.push(`  ${header}${' '.repeat(width - displayWidth(header))}  → ${label(target)}`);
  }
  lines.push('', 'Summary:');
  lines.push(`  data rows            ${c.dataRows}${c.emptyRows ? ` (+${c.emptyRows} blank rows skipped)` : ''}`);
  if (report.pass === 'master') {
    lines.push(`  customers to create  ${c.customersToCreate}`);
    lines.push(`  customers to update  ${c.customersToUpdate}${c.customersUnchanged ? ` (${c.customersUnchanged} unchanged)` : ''}`);
    lines.push(`  contacts to create   ${c.contactsToCreate}`);
    lines.push(`  contacts to update   ${c.contactsToUpdate}`);
    const policy = report.duplicatePolicy === 'skip' ? `skipped: ${c.skippedRows} rows` : 'created anyway';
    lines.push(`  likely duplicates    ${c.duplicates} (${policy})`);
  } else {
    lines.push(`  timeline entries     ${c.historyToCreate}`);
    lines.push(`  open follow-ups      ${c.followUpsToCreate}${c.followUpsOverdue ? ` (${c.followUpsOverdue} already overdue)` : ''}`);
    const overdue = c.serviceItemsOverdue ? ` (${c.serviceItemsOverdue} already overdue)` : '';
    lines.push(`  open requests and complaints  ${c.serviceItemsToCreate}${overdue}`);
  }
  lines.push(`  rows with errors     ${c.errorRows} (not imported)`);

  if (report.errors.length > 0) {
    lines.push('', 'Errors:');
    for (const e of report.errors.slice(0, SHOWN)) lines.push(`  ${e.message}`);
    more(lines, report.errors.length - SHOWN + report.more.errors);
  }
  if (report.duplicates.length > 0) {
    lines.push('', 'Likely duplicates:');
    for (const d of report.duplicates.slice(0, SHOWN)) {
      const other = d.existingRow !== null ? `row ${d.existingRow} (${d.existingName})` : `existing customer ${d.existingName}`;
      lines.push(`  Row ${d.row}: ${d.name}: ${DUPLICATE_REASONS[d.reason]} ${other} [${d.value}]: ${d.action}`);
    }
    more(lines, report.duplicates.length - SHOWN + report.more.duplicates);
  }
  if (report.updates.length > 0) {
    lines.push('', 'Updates:');
    for (const u of report.updates.slice(0, SHOWN)) {
      lines.push(`  Row ${u.row}: ${u.entity} ${u.name}: ${u.fields.map(label).join(', ')}`);
    }
    more(lines, report.updates.length - SHOWN + report.more.updates);
  }
  return lines.join('\n');
}

/** Terminal columns: CJK and full-width characters take two. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const displayWidth = (text: string) => [...text].reduce((n, ch) => n + (WIDE.test(ch) ? 2 : 1), 0);

function more(lines: string[], n: number): void {
  if (n > 0) lines.push(`  … and ${n} more (see --json)`);
}

export function resultText(result: ImportApplyOutput): string {
  return [
    'Imported:',
    `  customers created ${result.customersCreated}, updated ${result.customersUpdated}`,
    `  contacts created  ${result.contactsCreated}, updated ${result.contactsUpdated}`,
    ...(result.historyCreated > 0 ? [`  timeline entries  ${result.historyCreated}`] : []),
    ...(result.followUpsCreated > 0 ? [`  open follow-ups   ${result.followUpsCreated}`] : []),
    ...(result.serviceItemsCreated > 0 ? [`  open requests and complaints  ${result.serviceItemsCreated}`] : []),
  ].join('\n');
}

export const hasWork = ({ counts: c }: ImportReport) =>
  c.customersToCreate + c.customersToUpdate + c.contactsToCreate + c.contactsToUpdate + c.historyToCreate + c.followUpsToCreate + c.serviceItemsToCreate > 0;
