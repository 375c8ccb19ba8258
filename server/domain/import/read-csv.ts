import { CsvError, parse } from 'csv-parse/sync';
import { ImportFileError } from './import-file-error';

const DELIMITERS = [',', '\t', ';'] as const;

/**
 * CSV text → records (arrays of cells), one per spreadsheet row, empty lines kept so record
 * numbers stay the row numbers a person sees when opening the file in Excel. Quoted fields may
 * hold delimiters, quotes ("") and newlines. A stray quote inside an unquoted field is taken
 * literally (relax_quotes), as Excel does; only an unterminated quoted field fails the file,
 * because everything after it would be swallowed into one cell.
 */
export function readCsv(text: string): string[][] {
  const delimiter = detectDelimiter(text);
  try {
    return parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
    });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === 'number' ? error.lines : null;
      if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
        throw new ImportFileError(
          `The file is not valid CSV: a quoted field is never closed (the quote opens before line ${line ?? '?'}). ` +
            'Check for a missing closing quote (").',
        );
      }
      throw new ImportFileError(`The file is not valid CSV${line ? ` near line ${line}` : ''}: ${error.message}`);
    }
    throw error;
  }
}

/**
 * The delimiter that splits the header line into the most cells: Excel writes ";" in locales
 * with a decimal comma and a tab for "Unicode text" exports.
 */
export function detectDelimiter(text: string): (typeof DELIMITERS)[number] {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length && i < 20_000; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if ([...counts.values()].some((n) => n > 0)) break;
    } else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: (typeof DELIMITERS)[number] = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}
