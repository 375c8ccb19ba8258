import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../server/domain/import/decode-text';
import { repoRoot } from '../../../support/paths';

const utf8 = (s: string) => new TextEncoder().encode(s);
const cat = (...parts: (number[] | Uint8Array)[]) => new Uint8Array(parts.flatMap((p) => [...p]));
function utf16(s: string, bigEndian: boolean) {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    out.push(...(bigEndian ? [u >> 8, u & 0xff] : [u & 0xff, u >> 8]));
  }
  return out;
}

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM, dropping the BOM', () => {
    expect(decodeText(utf8('客户名称,税号\n'))).toEqual({ text: '客户名称,税号\n', encoding: 'utf-8' });
    expect(decodeText(cat([0xef, 0xbb, 0xbf], utf8('客户名称')))).toEqual({ text: '客户名称', encoding: 'utf-8' });
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text") in both byte orders, and LE without one', () => {
    expect(decodeText(cat([0xff, 0xfe], utf16('名称\tName', false)))).toEqual({ text: '名称\tName', encoding: 'utf-16le' });
    expect(decodeText(cat([0xfe, 0xff], utf16('名称\tName', true)))).toEqual({ text: '名称\tName', encoding: 'utf-16be' });
    expect(decodeText(new Uint8Array(utf16('Name,Code\nAcme,1\n', false)))).toMatchObject({ encoding: 'utf-16le', text: 'Name,Code\nAcme,1\n' });
  });

  it('reads GBK bytes (hard-coded from the GBK code table) as GB18030 when they are not UTF-8', () => {
    // 客 BF CD, 户 BB A7, 名 C3 FB, 称 B3 C6 (GB2312/GBK), then ",Acme" in ASCII.
    const bytes = new Uint8Array([0xbf, 0xcd, 0xbb, 0xa7, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0x41, 0x63, 0x6d, 0x65]);
    expect(decodeText(bytes)).toEqual({ text: '客户名称,Acme', encoding: 'gb18030' });
  });

  it('reads the GBK fixture (made by iconv -t GB18030, see test/fixtures/import/make-fixtures.sh) to the same text as its UTF-8 source', () => {
    const dir = path.join(repoRoot, 'test/fixtures/import');
    const gbk = decodeText(readFileSync(path.join(dir, 'customers-gbk.csv')));
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.text).toBe(readFileSync(path.join(dir, 'customers.csv'), 'utf8'));
  });

  it('treats plain ASCII as UTF-8', () => {
    expect(decodeText(utf8('Name,Code\n'))).toEqual({ text: 'Name,Code\n', encoding: 'utf-8' });
  });
});
