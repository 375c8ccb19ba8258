import { toCsv, type CsvCell } from '../../../shared/domain/csv-writer';
import { downloadText } from '../export/download';
import { rt } from '../../i18n/reports';

export type Column<Row> = {
  header: string;
  /** The cell as the CSV holds it: numbers stay numbers, so a spreadsheet can sum them. */
  value: (row: Row) => CsvCell;
  /** The cell as the page shows it (formatted numbers, labels); the value's text by default. */
  show?: (row: Row) => string;
  numeric?: boolean;
};

type Props<Row> = {
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  /** The CSV file's name, without the extension. */
  fileName: string;
  /** All rows for the CSV, when the table shows only the first of them. */
  exportRows?: () => Promise<readonly Row[]>;
  caption?: string;
  /** A row was clicked (the drill-down from a figure's table). */
  onPick?: (row: Row) => void;
  testId?: string;
};

const text = (value: CsvCell) => (value === null || value === undefined ? '' : String(value));

/** A table of figures or rows, as text, with its own CSV export (the same rows, the same columns). */
export function DataTable<Row>({ rows, columns, fileName, exportRows, caption, onPick, testId }: Props<Row>) {
  const exportCsv = async () => {
    const all = exportRows ? await exportRows() : rows;
    downloadText(`${fileName}.csv`, toCsv(columns.map((c) => c.header), all.map((row) => columns.map((c) => c.value(row)))));
  };
  return (
    <div class="data-table" data-testid={testId}>
      <div class="row no-print">
        {caption && <strong>{caption}</strong>}
        <button type="button" class="link" data-testid="export-csv" onClick={() => void exportCsv()} disabled={rows.length === 0}>
          {rt('table.exportCsv')}
        </button>
      </div>
      {rows.length === 0 ? (
        <p class="muted">{rt('table.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.header} class={c.numeric ? 'num' : undefined}>{c.header}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr
                key={i}
                class={onPick ? 'pickable' : undefined}
                // A row that opens its rows is reachable by keyboard too (Tab, then Enter).
                tabIndex={onPick ? 0 : undefined}
                onClick={onPick && (() => onPick(row))}
                onKeyDown={onPick && ((e) => e.key === 'Enter' && onPick(row))}
              >
                {columns.map((c) => (
                  <td key={c.header} class={c.numeric ? 'num' : undefined}>{c.show ? c.show(row) : text(c.value(row))}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
