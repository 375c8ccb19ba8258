import { describe, expect, it } from 'vitest';
import { domainOf, MAIL_ADDRESS_PATTERN, matchKeyOf, normaliseEmail } from '../../../shared/domain/email';

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

describe('matchKeyOf', () => {
  it('ignores case and plus tags on company domains (Workspace and Microsoft 365 deliver them to one mailbox)', () => {
    expect(matchKeyOf('Zhang.Wei+Orders@Baosteel.Example')).toBe('zhang.wei@baosteel.example');
  });
  it('ignores dots and plus tags at Gmail, and googlemail.com is gmail.com', () => {
    expect(matchKeyOf('Li.Na+work@gmail.com')).toBe('lina@gmail.com');
    expect(matchKeyOf('li.na@googlemail.com')).toBe('lina@gmail.com');
  });
  it('keeps plus signs where the provider treats them as part of the name (QQ, NetEase)', () => {
    expect(matchKeyOf('boss+1@qq.com')).toBe('boss+1@qq.com');
    expect(matchKeyOf('Boss+1@163.com')).toBe('boss+1@163.com');
  });
  it('keeps dots outside Gmail and a leading plus as it is', () => {
    expect(matchKeyOf('ann.lee@acme.example')).toBe('ann.lee@acme.example');
    expect(matchKeyOf('+ann@acme.example')).toBe('+ann@acme.example');
  });
  it('handles Chinese addresses and leaves non-addresses normalised', () => {
    expect(matchKeyOf('张伟+销售@示例.中国')).toBe('张伟@示例.中国');
    expect(matchKeyOf(' Not An Address ')).toBe('not an address');
  });
});
