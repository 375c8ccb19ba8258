/**
 * Gmail's thread ids in URLs, reduced to the legacy hex id the DOM carries, so the adapter can
 * tell a rendered thread from the previous one still on screen (host-dom-facts §1 "Ids").
 *
 * The `FMfcgz…` ids are an encoding, not a secret: the text `f:<decimal>` in base64, read as a
 * number and written again in a 40-letter alphabet (InboxSDK's encodeDraftUrlId does the same
 * for compose ids). `FMfcgzQXJkXtQDPtrSrFQBBLBqjzSGKn` is `f:1813691637966661266`, hex
 * `192b86ef75196692`. An observation, not a Google contract: anything that does not decode
 * cleanly yields null and the DOM's own id is used as before.
 */
const ALPHABET_40 = 'BCDFGHJKLMNPQRSTVWXZbcdfghjklmnpqrstvwxz';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LEGACY_HEX = /^[0-9a-f]{16}$/;

function decodeAlphabet40(id: string): string | null {
  let value = 0n;
  for (const char of id) {
    const digit = ALPHABET_40.indexOf(char);
    if (digit < 0) return null;
    value = value * 40n + BigInt(digit);
  }
  let base64 = '';
  while (value > 0n) {
    base64 = BASE64[Number(value % 64n)] + base64;
    value /= 64n;
  }
  try {
    return atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  } catch {
    return null;
  }
}

/** The legacy hex id a URL thread id stands for, or null when it cannot be told. */
export function legacyIdOfUrlThreadId(id: string): string | null {
  const lower = id.toLowerCase();
  if (LEGACY_HEX.test(lower)) return lower;
  const perm = /^#?thread-f:(\d{1,20})$/.exec(id);
  if (perm?.[1]) return BigInt(perm[1]).toString(16);
  if (!/^[A-Za-z]{20,}$/.test(id)) return null;
  const decoded = decodeAlphabet40(id);
  const match = decoded === null ? null : /^(?:thread-)?f:(\d{1,20})$/.exec(decoded);
  return match?.[1] ? BigInt(match[1]).toString(16) : null;
}
