/**
 * Bytes of a CSV file → text. Chinese Excel saves "CSV (逗号分隔)" in the ANSI code page, which
 * is GBK (CP936) on a Chinese Windows; "CSV UTF-8" adds a BOM; "Unicode text" is UTF-16LE with a
 * BOM. Strict UTF-8 is tried first because GBK bytes are almost never valid UTF-8 while UTF-8
 * bytes are always "valid" GBK (as mojibake). GB18030 is a superset of GBK and GB2312, so one
 * decoder reads all three (DESIGN.md: decode gb2312/gbk/gb18030 with the gb18030 decoder).
 */
export type DecodedText = { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' };

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode(bytes.subarray(2), 'utf-16be');
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return decode(bytes, utf16);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return decode(bytes, 'gb18030');
  }
}

function decode(bytes: Uint8Array, encoding: DecodedText['encoding']): DecodedText {
  // ignoreBOM: the BOM was stripped above; a second one would be content, and is dropped later.
  return { text: new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes), encoding };
}

/**
 * UTF-16 without a BOM (rare, some exporters): text that is mostly ASCII has a NUL in every
 * other byte. Looks at the first 1,000 bytes only.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 1000) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul === 0) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul === 0) return 'utf-16be';
  return null;
}
