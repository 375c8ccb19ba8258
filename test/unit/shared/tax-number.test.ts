import { describe, expect, it } from 'vitest';
import { isUnifiedSocialCreditCode, USCC_IN_TEXT } from '../../../shared/domain/tax-number';

describe('unified social credit code', () => {
  it('accepts codes whose check character is right', () => {
    // The example code used in GB 32100-2015 guidance.
    expect(isUnifiedSocialCreditCode('91350100M000100Y43')).toBe(true);
    // Well formed, wrong check character.
    expect(isUnifiedSocialCreditCode('911100001000013010')).toBe(false);
  });
  it('refuses a changed character, a wrong length and letters outside the alphabet', () => {
    expect(isUnifiedSocialCreditCode('91350100M000100Y44')).toBe(false);
    expect(isUnifiedSocialCreditCode('91350100M000100Y4')).toBe(false);
    expect(isUnifiedSocialCreditCode('91350100M000100I43')).toBe(false);
  });
  it('finds candidates standing alone in text', () => {
    const text = '税号：91350100M000100Y43；订单号 X91350100M000100Y43Z';
    expect(text.match(USCC_IN_TEXT)).toEqual(['91350100M000100Y43']);
  });
});
