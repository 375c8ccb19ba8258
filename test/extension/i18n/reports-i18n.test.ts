import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportDictionaries, reportsEn, translateReport } from '../../../extension/i18n/reports';
import { repoRoot } from '../../support/paths';

// The dashboard's own dictionary (kept out of the content scripts' bundles): the same checks as
// the shared dictionaries (i18n.test.ts), and the house limit on a dictionary file's length.
describe('dashboard texts', () => {
  it('has the same keys, all non-empty, and the same placeholders in both languages', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    expect(Object.keys(reportDictionaries['zh-CN']).sort()).toEqual(Object.keys(reportsEn).sort());
    for (const key of Object.keys(reportsEn) as (keyof typeof reportsEn)[]) {
      expect(reportDictionaries['zh-CN'][key].trim(), key).not.toBe('');
      expect(placeholders(reportDictionaries['zh-CN'][key]), key).toEqual(placeholders(reportsEn[key]));
    }
  });

  it('fills placeholders as text', () => {
    expect(translateReport('zh-CN', 'drill.title', { figure: '<b>逾期跟进</b>', count: 3 })).toBe('<b>逾期跟进</b>：3');
    expect(translateReport('en', 'service.firstReply', { hours: 24 })).toBe('First reply within 24 h');
  });

  it('keeps each dictionary file under 300 lines', () => {
    for (const file of ['reports.ts', 'reports-zh-cn.ts']) {
      const lines = readFileSync(path.join(repoRoot, 'extension/i18n', file), 'utf8').split('\n').length;
      expect(lines, file).toBeLessThan(300);
    }
  });
});
