import { describe, expect, it } from 'vitest';
import { domainOf, normaliseEmail } from '../../../shared/domain/email';

describe('normaliseEmail', () => {
  it('lower-cases and trims', () => {
    expect(normaliseEmail('  Zhang.Wei@Steel.CN ')).toBe('zhang.wei@steel.cn');
  });
  it('drops zero-width characters and BOMs copied from pages', () => {
    expect(normaliseEmail('\u200bann\u200d@acme\ufeff.example\u2060')).toBe('ann@acme.example');
  });
  it('folds full-width characters (NFKC), as typed by Chinese input methods', () => {
    expect(normaliseEmail('ＡＮＮ＠ａｃｍｅ．ｅｘａｍｐｌｅ')).toBe('ann@acme.example');
  });
  it('is idempotent', () => {
    const once = normaliseEmail(' \u200bＢｏｂ@Example.COM');
    expect(normaliseEmail(once)).toBe(once);
  });
});

describe('domainOf', () => {
  it('returns the normalised domain', () => {
    expect(domainOf('Ann@Sub.Acme.Example')).toBe('sub.acme.example');
    expect(domainOf('张伟@示例.中国')).toBe('示例.中国');
  });
  it('returns null for text that is not an address', () => {
    for (const text of ['no-at-sign', '@acme.example', 'ann@', '']) expect(domainOf(text)).toBeNull();
  });
});
