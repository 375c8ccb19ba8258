/**
 * Bytes → text for mail bodies. provider-facts.md §6: GB2312 mail often holds GBK characters,
 * and Node's own gb2312/gbk decoder loses GB18030's 4-byte sequences, so all three labels use
 * the gb18030 decoder. Gmail's `full` format re-encodes text parts to UTF-8 while keeping the
 * original charset label (§1.4), so valid UTF-8 wins over the label.
 */
const ALIASES: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  chinese: 'gb18030',
  csgb2312: 'gb18030',
  'euc-cn': 'gb18030',
  cp936: 'gb18030',
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeBytes(bytes: Uint8Array, charset: string | null): string {
  try {
    return utf8.decode(bytes);
  } catch {
    // Not UTF-8: the declared charset, or windows-1252 (never fails) when it is unknown.
  }
  return decodeAs(bytes, charset);
}

/** Bytes in a declared charset (GB labels → gb18030); unknown or missing → windows-1252. */
export function decodeAs(bytes: Uint8Array, charset: string | null): string {
  const label = (charset ?? '').trim().toLowerCase().replace(/^"|"$/g, '');
  try {
    return new TextDecoder(ALIASES[label] ?? (label || 'windows-1252')).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** base64url (Gmail `body.data`, `raw`) or plain base64; Node accepts both alphabets and no padding. */
export function decodeBase64Url(data: string): Uint8Array {
  return new Uint8Array(Buffer.from(data, 'base64url'));
}

/** The `charset` parameter of a Content-Type value, or null. */
export function charsetOf(contentType: string | null | undefined): string | null {
  const match = /charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1] ?? null;
}
