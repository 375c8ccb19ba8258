import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvCell, toCsv } from '../../../shared/domain/csv-writer';

describe('csv writer', () => {
  it('starts with a UTF-8 BOM and ends lines with CRLF', () => {
    const csv = toCsv(['名称', 'Code'], [['上海宝钢', 'C-1']]);
    expect(csv).toBe('\ufeff名称,Code\r\n上海宝钢,C-1\r\n');
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('quotes commas, quotes, newlines and edge spaces, and reads back identically', () => {
    const values = ['Acme, Inc.', 'He said "hi"', 'line 1\nline 2', 'cr\r\nlf', ' padded ', '，全角逗号', 'plain'];
    expect(values.map(csvCell)).toEqual([
      '"Acme, Inc."',
      '"He said ""hi"""',
      '"line 1\nline 2"',
      '"cr\r\nlf"',
      '" padded "',
      '，全角逗号',
      'plain',
    ]);
    const [, row] = parse(toCsv(values.map((_, i) => `c${i}`), [values]), { bom: true }) as string[][];
    expect(row).toEqual(values);
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(['=1+1', '+86 21 1234', '-2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil")'].map(csvCell)).toEqual([
      "'=1+1",
      "'+86 21 1234",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      '"\'\rx"',
      '"\'=HYPERLINK(""http://evil"")"',
    ]);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes numbers as numbers, empties as empty cells', () => {
    expect([-12.5, 0, 1250000, Number.NaN, null, undefined, true].map(csvCell)).toEqual(['-12.5', '0', '1250000', '', '', '', 'true']);
  });
});
