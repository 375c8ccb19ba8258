import { describe, expect, it } from 'vitest';
import { domainOf, MAIL_ADDRESS_PATTERN, normaliseEmail } from '../../../shared/domain/email';

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

describe('MAIL_ADDRESS_PATTERN', () => {
  it('accepts ordinary, internationalised and punycode addresses', () => {
    for (const address of ['zhang.wei@steel-example.cn', '用户@例子.中国', 'a@xn--fsqu00a.xn--fiqs8s', 'o.brien+q3@mail.co.uk']) {
      expect(MAIL_ADDRESS_PATTERN.test(address), address).toBe(true);
    }
  });

  it('refuses what is not an address or carries markup', () => {
    for (const address of ['not-an-address', 'a@b', 'a@b.c', '<b>@x.com', 'a b@x.com', 'a@-x.com', '@x.com']) {
      expect(MAIL_ADDRESS_PATTERN.test(address), address).toBe(false);
    }
  });
});
