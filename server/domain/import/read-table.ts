import { decodeText } from './decode-text';
import { ImportFileError } from './import-file-error';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';

export type TableRow = {
  /** As a spreadsheet numbers it: the first line of the file is row 1. */
  row: number;
  cells: string[];
};

export type Table = {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  /** Unique, trimmed labels; a repeated or empty header gets a suffix (see uniqueHeaders). */
  headers: string[];
  rows: TableRow[];
  /** Blank rows between data rows, skipped. */
  emptyRows: number;
};

const ZIP = [0x50, 0x4b, 0x03, 0x04];
// The OLE2 compound file signature of .xls (Excel 97-2003) and other old Office files.
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Any supported file → header + data rows. The content decides the format, not the file name. */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<Table> {
  if (startsWith(bytes, OLE2)) {
    throw new ImportFileError('This is an old Excel .xls file, which cannot be read: open it in Excel and save as .xlsx or CSV.');
  }
  if (startsWith(bytes, ZIP)) return toTable(await readXlsx(bytes), 'xlsx', null);
  if (bytes.length === 0) throw new ImportFileError('The file is empty.');
  const { text, encoding } = decodeText(bytes);
  if (text.includes('\u0000')) throw new ImportFileError('This does not look like a CSV or Excel file (it contains binary data).');
  // Many ERPs "export to Excel" as an HTML table named .xls; Excel opens it, we cannot.
  if (/^\s*</.test(text)) {
    throw new ImportFileError(
      `${fileName} is a web page (HTML), not a spreadsheet: open it in Excel and save as .xlsx or CSV.`,
    );
  }
  return toTable(readCsv(text), 'csv', encoding);
}

/**
 * Trimmed; and without the apostrophe that CSV exports (ours included, shared/domain/csv-writer)
 * put before a leading = + - @ so that spreadsheets do not run the cell as a formula.
 */
const cellText = (raw: string) => raw.replace(/^'(?=[=+\-@\t\r])/, '').trim();

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

export function toTable(records: string[][], format: Table['format'], encoding: string | null): Table {
  const headerIndex = records.findIndex((r) => !isBlank(r));
  if (headerIndex === -1) throw new ImportFileError('The file has no header row: the first row must name the columns.');
  // A second BOM (files saved twice by different tools) would glue itself to the first header.
  const headers = uniqueHeaders(records[headerIndex]!.map((h) => h.replace(/^\ufeff/, '')));
  const rows: TableRow[] = [];
  let emptyRows = 0;
  for (let i = headerIndex + 1; i < records.length; i++) {
    const cells = records[i]!.map(cellText);
    if (isBlank(cells)) {
      emptyRows++;
      continue;
    }
    rows.push({ row: i + 1, cells });
  }
  // Trailing empty lines (a final newline, Excel's padding) are not "empty rows" to report.
  let trailing = 0;
  while (trailing < records.length && isBlank(records[records.length - 1 - trailing]!)) trailing++;
  return { format, encoding, headers, rows, emptyRows: emptyRows - trailing };
}

/** Trimmed header texts, each unique: "电话", "电话 (2)"; an empty header becomes "Column C". */
export function uniqueHeaders(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((text, i) => {
    const base = text.trim() || `Column ${columnLetter(i)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/** 0 → A, 25 → Z, 26 → AA, as spreadsheets name columns. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
