/**
 * China's unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a
 * 31-letter alphabet (no I, O, S, V, Z), the last a check character over the first 17. Portal
 * pages are scanned for it without a rule: the check character makes a false find unlikely.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Candidates in text: 18 characters of the alphabet, standing alone (not inside a longer token). */
export const USCC_IN_TEXT = /(?<![0-9A-Z])[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}(?![0-9A-Z])/g;

export function isUnifiedSocialCreditCode(value: string): boolean {
  if (value.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const digit = ALPHABET.indexOf(value[i]!);
    if (digit < 0) return false;
    sum += digit * WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET[check] === value[17];
}
