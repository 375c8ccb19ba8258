import { describe, expect, it } from 'vitest';
import { dictionaries, type Language } from '../../../extension/i18n';
import { importExportEn } from '../../../extension/i18n/import-export';
import { parseCell } from '../../../server/domain/import/cell-values';
import { suggestMapping } from '../../../server/domain/import/suggest-mapping';
import { TARGETS, targetsOfPass } from '../../../server/domain/import/targets';
import { BASE_TARGETS } from '../../../shared/schemas/import';

// Exports use these labels as headers and enum labels as values (extension/pages/export), so the
// importer must read every one of them back, in both languages.
const languages: Language[] = ['en', 'zh-CN'];

describe('import labels', () => {
  it('has a label for every target the server offers', () => {
    for (const target of BASE_TARGETS) expect(importExportEn).toHaveProperty(`import.target.${target}`);
  });

  it.each(languages)('maps each %s field label back to its field', (lang) => {
    for (const pass of ['master', 'open_items'] as const) {
      const targets = targetsOfPass(pass).filter((t) => t !== 'customer.email' || pass === 'master');
      const headers = targets.map((t) => dictionaries[lang][`import.target.${t}` as keyof (typeof dictionaries)['en']]);
      const mapping = suggestMapping(headers, pass, []);
      expect(Object.values(mapping)).toEqual(targets);
    }
  });

  it.each(languages)('reads each %s enum label back as its value', (lang) => {
    const enums = ['valueTier', 'pyramidStage', 'relationshipStage', 'leadSource', 'buyingRole', 'preferredChannel'] as const;
    const kinds = { valueTier: 'valueTier', pyramidStage: 'pyramidStage', relationshipStage: 'relationshipStage', leadSource: 'leadSource', buyingRole: 'buyingRole', preferredChannel: 'preferredChannel' } as const;
    for (const set of enums) {
      const prefix = `enum.${set}.`;
      const entries = Object.entries(dictionaries[lang]).filter(([key]) => key.startsWith(prefix));
      expect(entries.length).toBeGreaterThan(0);
      for (const [key, label] of entries) {
        expect([key, parseCell(kinds[set], label, 0)]).toEqual([key, { ok: true, value: key.slice(prefix.length) }]);
      }
    }
    for (const value of ['A', 'B', 'C'] as const) {
      expect(parseCell('customerClass', dictionaries[lang][`enum.customerClass.${value}`], 0)).toEqual({ ok: true, value });
    }
    expect(parseCell('boolean', dictionaries[lang]['export.yes'], 0)).toEqual({ ok: true, value: true });
    expect(parseCell('boolean', dictionaries[lang]['export.no'], 0)).toEqual({ ok: true, value: false });
  });

  it('keeps English labels on the server and in the extension the same', () => {
    for (const target of BASE_TARGETS) expect(importExportEn[`import.target.${target}`]).toBe(TARGETS[target].label);
  });
});
