import { addressParser } from 'postal-mime';
import { normaliseEmail } from '../../../shared/domain/email';
import { emailAddressSchema } from '../../../shared/schemas/common';
import type { MailAddress } from '../provider';
import { decodeAs } from './charset';

const ENCODED_WORD = /=\?([^?*\s]+)(?:\*[^?]*)?\?([bq])\?([^?\s]*)\?=/gi;

function wordBytes(encoding: string, text: string): Uint8Array {
  if (encoding.toLowerCase() === 'b') return new Uint8Array(Buffer.from(text, 'base64'));
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '_') bytes.push(0x20);
    else if (c === '=' && /^[0-9a-f]{2}$/i.test(text.slice(i + 1, i + 3))) bytes.push(parseInt(text.slice(i + 1, i + 3), 16)), (i += 2);
    else bytes.push(c.charCodeAt(0) & 0xff);
  }
  return new Uint8Array(bytes);
}

/**
 * RFC 2047 decoding that joins the bytes of adjacent words in one charset before decoding them
 * (senders split UTF-8 and GBK characters across words, provider-facts §6) and drops the
 * whitespace between adjacent words. Text outside encoded words is kept as it is.
 */
function decodeWords(value: string): string {
  let out = '';
  let last = 0;
  let pending: { charset: string; bytes: number[] } | null = null;
  const flush = () => {
    if (pending) out += decodeAs(new Uint8Array(pending.bytes), pending.charset);
    pending = null;
  };
  for (const match of value.matchAll(ENCODED_WORD)) {
    const between = value.slice(last, match.index);
    const adjacent = pending !== null && /^\s*$/.test(between);
    if (!adjacent) {
      flush();
      out += between;
    }
    const charset = match[1]!.toLowerCase();
    const bytes = wordBytes(match[2]!, match[3]!);
    if (pending && (pending as { charset: string }).charset !== charset) flush();
    pending ??= { charset, bytes: [] };
    (pending as { bytes: number[] }).bytes.push(...bytes);
    last = match.index + match[0].length;
  }
  flush();
  return out + value.slice(last);
}

/** RFC 2047 encoded words (adjacent same-charset words joined, GBK via TextDecoder); plain text unchanged. */
export function decodeHeader(value: string | null | undefined): string {
  if (!value) return '';
  const unfolded = value.replace(/\r?\n[ \t]+/g, ' ');
  try {
    return decodeWords(unfolded).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').trim();
  } catch {
    return unfolded.trim();
  }
}

/**
 * An address-list header (From, To, Cc) → usable addresses. Display names with commas, quotes
 * and encoded words are handled by postal-mime's RFC 5322 parser; groups are flattened; entries
 * that are not mail addresses are left out rather than failing the message.
 */
export function parseAddressList(value: string | null | undefined): MailAddress[] {
  if (!value) return [];
  let parsed: ReturnType<typeof addressParser>;
  try {
    parsed = addressParser(value.replace(/\r?\n[ \t]+/g, ' '));
  } catch {
    return [];
  }
  const out: MailAddress[] = [];
  for (const entry of parsed) {
    const mailboxes = 'group' in entry && Array.isArray(entry.group) ? entry.group : [entry];
    for (const box of mailboxes) {
      const address = cleanAddress('address' in box ? box.address : '');
      if (address) out.push({ address, name: decodeHeader(box.name) || null });
    }
  }
  return out;
}

/** A normalised address if it is one, else null. */
export function cleanAddress(value: string | null | undefined): string | null {
  const normalised = normaliseEmail(value ?? '');
  return emailAddressSchema.safeParse(normalised).success ? normalised : null;
}

/** `<id@host>` → `id@host` (unfolded, trimmed); null for an empty header. */
export function messageIdOf(value: string | null | undefined): string | null {
  const ids = messageIdsOf(value);
  return ids[0] ?? null;
}

/** Every id in a References / In-Reply-To header, in order; bare ids (no brackets) too. */
export function messageIdsOf(value: string | null | undefined): string[] {
  if (!value) return [];
  const unfolded = value.replace(/\r?\n[ \t]+/g, ' ');
  const bracketed = [...unfolded.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!);
  if (bracketed.length > 0) return bracketed.slice(0, 100);
  return unfolded
    .split(/[\s,]+/)
    .filter((id) => id.includes('@'))
    .slice(0, 100);
}

/** A Date header → ISO instant, or null when it is missing or unparseable. */
export function dateOf(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value.replace(/\s*\([^)]*\)\s*$/, ''));
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
