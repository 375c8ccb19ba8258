/**
 * CSV as Excel reads it, for exports. UTF-8 with a byte-order mark, because Excel (Chinese
 * Windows included) otherwise decodes the file in the ANSI code page and Chinese turns to
 * mojibake; CRLF line ends; a field is quoted when it holds a comma, quote, CR or LF (quotes
 * doubled), or leading/trailing spaces that would otherwise be lost.
 *
 * Formula injection (OWASP "CSV Injection"): a cell starting with = + - @ tab or CR is run as a
 * formula by spreadsheet programs, so such text gets a leading apostrophe. Numbers are written as
 * numbers (a negative amount stays a number); the importer drops the apostrophe again.
 */
export type CsvCell = string | number | boolean | null | undefined;

const BOM = '\ufeff';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = typeof value === 'boolean' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: header row first, every row as long as the header. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const line = (cells: readonly CsvCell[]) => cells.map(csvCell).join(',');
  return `${BOM}${[line(header), ...rows.map(line)].join('\r\n')}\r\n`;
}
