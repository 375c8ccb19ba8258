import { describe, expect, it } from 'vitest';
import { dictionaries, pickLanguage, translate } from '../../../extension/i18n';

describe('i18n', () => {
  it('has the same keys, all non-empty, in both languages', () => {
    const en = Object.keys(dictionaries.en).sort();
    expect(Object.keys(dictionaries['zh-CN']).sort()).toEqual(en);
    for (const dict of Object.values(dictionaries)) {
      for (const value of Object.values(dict)) expect(value.trim()).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(dictionaries.en) as (keyof typeof dictionaries.en)[]) {
      expect(placeholders(dictionaries['zh-CN'][key]), key).toEqual(placeholders(dictionaries.en[key]));
    }
  });

  it('follows the browser language and interpolates as text', () => {
    expect(pickLanguage('zh-TW')).toBe('zh-CN');
    expect(pickLanguage('de-DE')).toBe('en');
    expect(translate('zh-CN', 'sync.pending', { count: 3 })).toBe('3 项更改待同步');
    expect(translate('en', 'card.reasonDomain', { domain: '<b>x</b>' })).toBe('domain <b>x</b>');
  });
});
