import { encodeGbk } from './gbk-encode';
import type { FakeAddress, FakeMessageSpec } from './mail-spec';

export type GmailPart = {
  partId: string;
  mimeType: string;
  filename: string;
  headers: { name: string; value: string }[];
  body: { size: number; data?: string; attachmentId?: string };
  parts?: GmailPart[];
};

const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');
const nonAscii = (text: string) => /[^\x20-\x7e]/.test(text);

/** RFC 2047 B encoding, split so each word holds whole characters (what good mailers do). */
export function encodeWord(text: string, charset: 'utf-8' | 'gbk'): string {
  const words: string[] = [];
  let chunk = '';
  const flush = () => {
    if (!chunk) return;
    const bytes = charset === 'gbk' ? encodeGbk(chunk) : new TextEncoder().encode(chunk);
    words.push(`=?${charset === 'gbk' ? 'GBK' : 'UTF-8'}?B?${Buffer.from(bytes).toString('base64')}?=`);
    chunk = '';
  };
  for (const char of text) {
    chunk += char;
    if (chunk.length >= 12) flush();
  }
  flush();
  return words.join(' ');
}

function headerText(text: string, spec: FakeMessageSpec): string {
  return spec.encodeHeaders && nonAscii(text) ? encodeWord(text, spec.encodeHeaders) : text;
}

/** `"Park, Olivia" <o@x>`: names with specials are quoted (and escaped) or encoded. */
export function formatAddress(a: FakeAddress, spec: FakeMessageSpec): string {
  if (!a.name) return a.address;
  if (spec.encodeHeaders && nonAscii(a.name)) return `${encodeWord(a.name, spec.encodeHeaders)} <${a.address}>`;
  const needsQuotes = /[(),.:;<>@[\]\\"]/.test(a.name);
  const name = needsQuotes ? `"${a.name.replace(/(["\\])/g, '\\$1')}"` : a.name;
  return `${name} <${a.address}>`;
}

function textPart(partId: string, mimeType: string, text: string, spec: FakeMessageSpec): GmailPart {
  const charset = spec.charset ?? 'utf-8';
  const bytes = spec.rawBytes && charset !== 'utf-8' ? encodeGbk(text) : new TextEncoder().encode(text);
  return {
    partId,
    mimeType,
    filename: '',
    headers: [
      { name: 'Content-Type', value: `${mimeType}; charset="${charset}"` },
      { name: 'Content-Transfer-Encoding', value: 'base64' },
    ],
    body: { size: bytes.length, data: b64url(bytes) },
  };
}

function container(partId: string, mimeType: string, parts: GmailPart[], boundary: string): GmailPart {
  return {
    partId,
    mimeType,
    filename: '',
    headers: [{ name: 'Content-Type', value: `${mimeType}; boundary="${boundary}"` }],
    body: { size: 0 },
    parts,
  };
}

/** Gmail's part ids: "" at the top, "0", "1" below it, "1.0" deeper. */
function renumber(part: GmailPart, partId: string): GmailPart {
  const child = (i: number) => (partId === '' ? String(i) : `${partId}.${i}`);
  const renumbered: GmailPart = { ...part, partId };
  if (part.parts) renumbered.parts = part.parts.map((p, i) => renumber(p, child(i)));
  return renumbered;
}

/**
 * The `payload` of messages.get?format=full for a spec: multipart/alternative (plain + html)
 * inside multipart/mixed when there are attachments, related for inline images, headers in
 * order at the top (provider-facts.md §1.4).
 */
export function gmailPayload(spec: FakeMessageSpec, id: string): GmailPart {
  const omit = new Set((spec.omitHeaders ?? []).map((h) => h.toLowerCase()));
  const headers = [
    { name: 'MIME-Version', value: '1.0' },
    { name: 'Date', value: spec.date.toUTCString().replace('GMT', '+0000') },
    ...(spec.messageId === null ? [] : [{ name: 'Message-ID', value: `<${spec.messageId}>` }]),
    { name: 'Subject', value: headerText(spec.subject, spec) },
    { name: 'From', value: formatAddress(spec.from, spec) },
    { name: 'To', value: spec.to.map((a) => formatAddress(a, spec)).join(', ') },
    ...(spec.cc?.length ? [{ name: 'Cc', value: spec.cc.map((a) => formatAddress(a, spec)).join(', ') }] : []),
    ...(spec.inReplyTo ? [{ name: 'In-Reply-To', value: `<${spec.inReplyTo}>` }] : []),
    ...(spec.references?.length ? [{ name: 'References', value: spec.references.map((r) => `<${r}>`).join('\r\n ') }] : []),
    ...(spec.extraHeaders ?? []),
  ].filter((h) => !omit.has(h.name.toLowerCase()));

  const alternatives: GmailPart[] = [];
  if (spec.text !== undefined) alternatives.push(textPart('', 'text/plain', spec.text, spec));
  if (spec.html !== undefined) alternatives.push(textPart('', 'text/html', spec.html, spec));
  let body: GmailPart =
    alternatives.length === 1 ? alternatives[0]! : container('', 'multipart/alternative', alternatives, `alt-${id}`);
  if (spec.inlineImage) {
    const image: GmailPart = {
      partId: '',
      mimeType: 'image/png',
      filename: 'logo.png',
      headers: [
        { name: 'Content-Type', value: 'image/png; name="logo.png"' },
        { name: 'Content-Disposition', value: 'inline; filename="logo.png"' },
        { name: 'Content-ID', value: '<logo@fake>' },
      ],
      body: { size: 2048, attachmentId: `att-${id}-inline` },
    };
    body = container('', 'multipart/related', [body, image], `rel-${id}`);
  }
  if (spec.attachments?.length) {
    const files = spec.attachments.map<GmailPart>((a, i) => ({
      partId: '',
      mimeType: a.mimeType,
      filename: a.filename,
      headers: [
        { name: 'Content-Type', value: `${a.mimeType}; name="${a.filename}"` },
        { name: 'Content-Disposition', value: `attachment; filename="${a.filename}"` },
      ],
      body: { size: a.size, attachmentId: `att-${id}-${i}` },
    }));
    body = container('', 'multipart/mixed', [body, ...files], `mix-${id}`);
  }
  const topHeaders = [...headers, ...body.headers.filter((h) => !omit.has(h.name.toLowerCase()))];
  return { ...renumber(body, ''), headers: topHeaders };
}
