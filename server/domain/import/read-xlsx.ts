import { readSheet } from 'read-excel-file/node';
import { ImportFileError } from './import-file-error';

type Cell = string | number | boolean | Date | null | undefined;

/** The first sheet of an .xlsx workbook → records of text cells, like readCsv. */
export async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  let data: Cell[][];
  try {
    data = (await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as Cell[][];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportFileError(`The Excel file cannot be read (${reason}). Save it again as .xlsx or CSV.`);
  }
  return data.map((row) => row.map(cellText));
}

/** Dates (cells formatted as dates) become ISO dates; whole numbers lose no digits. */
function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof cell === 'number') return Number.isInteger(cell) ? BigInt(cell).toString() : String(cell);
  return String(cell);
}
