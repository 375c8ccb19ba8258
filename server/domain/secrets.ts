import { createHash, randomBytes, randomInt } from 'node:crypto';

// No 0/O, 1/I/L: codes are read off a terminal and typed by hand.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 12; // 31^12 ≈ 2^59: plenty for a single-use code that lives 24 hours.

export function newSignInCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** People paste codes with spaces or dashes and in any case; all of these mean the same code. */
export function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/** 32 random bytes: unguessable, so a plain sha256 (no salt, no slow hash) is the right store. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
