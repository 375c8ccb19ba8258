import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnLetter, readTable } from '../../../../server/domain/import/read-table';
import { repoRoot } from '../../../support/paths';

const read = (text: string | Uint8Array, name = 'f.csv') => readTable(typeof text === 'string' ? new TextEncoder().encode(text) : text, name);

describe('readTable (CSV)', () => {
  it('keeps commas, escaped quotes and newlines inside quoted fields', async () => {
    const table = await read('Name,Address,Note\r\n"Acme, Inc.","1 Main St\r\nSuite 5","He said ""hi"""\r\n');
    expect(table.headers).toEqual(['Name', 'Address', 'Note']);
    expect(table.rows).toEqual([{ row: 2, cells: ['Acme, Inc.', '1 Main St\r\nSuite 5', 'He said "hi"'] }]);
  });

  it('numbers rows as a spreadsheet shows them, skipping and counting blank rows', async () => {
    const table = await read('Name,Code\nA,1\n\n,\n  ,  \nB,2\n\n\n');
    expect(table.rows.map((r) => [r.row, r.cells[0]])).toEqual([
      [2, 'A'],
      [6, 'B'],
    ]);
    expect(table.emptyRows).toBe(3);
  });

  it('finds the header below leading blank lines, and names repeated or empty headers', async () => {
    const table = await read('\n电话,电话,,Name\n1,2,3,x\n');
    expect(table.headers).toEqual(['电话', '电话 (2)', 'Column C', 'Name']);
    expect(table.rows[0]).toEqual({ row: 3, cells: ['1', '2', '3', 'x'] });
  });

  it('takes a stray quote inside an unquoted value literally, as Excel does', async () => {
    const table = await read('Name,Size\nAcme 5" pipes,10\n');
    expect(table.rows[0]!.cells).toEqual(['Acme 5" pipes', '10']);
  });

  it('keeps rows that are shorter or longer than the header (read-rows reports the long ones)', async () => {
    const table = await read('A,B,C\n1\n1,2,3,4\n');
    expect(table.rows.map((r) => r.cells)).toEqual([['1'], ['1', '2', '3', '4']]);
  });

  it('detects tab and semicolon delimiters from the header line', async () => {
    expect((await read('Name\tCode\nA, B\t1\n')).rows[0]!.cells).toEqual(['A, B', '1']);
    expect((await read('Name;Code\n"A; B";1\n')).rows[0]!.cells).toEqual(['A; B', '1']);
  });

  it('refuses what it cannot read with a message that says what to do', async () => {
    await expect(read('Name\n"Acme\n')).rejects.toThrow(/quoted field is never closed/);
    await expect(read(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.xls')).rejects.toThrow(/save as \.xlsx or CSV/);
    await expect(read('<html><table><tr><td>x</td></tr></table></html>', 'export.xls')).rejects.toThrow(/web page \(HTML\)/);
    await expect(read('')).rejects.toThrow(/empty/);
    await expect(read('\n , \n')).rejects.toThrow(/no header row/);
  });
});

describe('readTable (xlsx)', () => {
  it('reads the first sheet of the fixture: shared strings, a date cell, a number cell', async () => {
    const bytes = readFileSync(path.join(repoRoot, 'test/fixtures/import/customers.xlsx'));
    const table = await readTable(bytes, 'customers.xlsx');
    expect(table).toMatchObject({ format: 'xlsx', encoding: null, emptyRows: 0 });
    expect(table.headers).toEqual(['客户编号', '客户名称', '等级', '注册日期', '累计金额', '联系人', '电子邮件']);
    expect(table.rows).toEqual([
      { row: 2, cells: ['X-100', '深圳华强电子有限公司', 'A类', '2024-03-15', '1250000.5', '陈静', 'chen.jing@huaqiang.example'] },
    ]);
  });

  it('says so when a zip is not a workbook', async () => {
    const notXlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    await expect(readTable(notXlsx, 'x.xlsx')).rejects.toThrow(/Excel file cannot be read/);
  });
});

it('columnLetter names columns as spreadsheets do', () => {
  expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
});
