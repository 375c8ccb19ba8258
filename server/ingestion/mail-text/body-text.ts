import { compile } from 'html-to-text';

/** Stored bodies are capped: a timeline needs the message, not a 5 MB newsletter. */
export const MAX_BODY_CHARS = 50_000;

// Quoted history in HTML mail: Gmail's gmail_quote, Outlook's reply header and everything in
// blockquotes. Images and link targets add nothing readable.
const htmlOptions: Parameters<typeof compile>[0] = {
  wordwrap: false,
  selectors: [
    { selector: 'img', format: 'skip' },
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'blockquote', format: 'skip' },
    { selector: 'div.gmail_quote', format: 'skip' },
    { selector: 'div.gmail_quote_container', format: 'skip' },
    { selector: 'div#appendonsend', format: 'skip' },
    { selector: 'div#divRplyFwdMsg', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'head', format: 'skip' },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
};

// Compiled once: html-to-text builds its selector machinery per options object.
const convert = compile(htmlOptions);

export function htmlToText(html: string): string {
  try {
    return convert(html.slice(0, MAX_BODY_CHARS * 4));
  } catch {
    // A parser failure must not lose the message: keep the text between the tags.
    return html.replace(/<[^>]*>/g, ' ');
  }
}

// Lines that start the quoted part of a reply, in the languages our users' mail comes in.
const QUOTE_STARTS = [
  /^On .{4,200}wrote:\s*$/i,
  /^在.{2,200}写道[:：]\s*$/,
  /^-{2,}\s*(Original Message|原始邮件|Forwarded message|转发的邮件)\s*-{2,}\s*$/i,
  /^_{10,}\s*$/,
  /^(From|发件人)\s*[:：].+$/i,
];
// An Outlook-style header block ("From: …" followed by "Sent:/Date:/发送时间:" within two lines).
const HEADER_FOLLOWERS = /^(Sent|Date|To|Subject|发送时间|日期|收件人|主题)\s*[:：]/i;

/**
 * Plain text without the quoted history of earlier messages: cut at the first line that starts
 * a reply quote, and drop trailing `>` lines. Newlines are normalised and runs of blank lines
 * collapsed. Never returns more than MAX_BODY_CHARS characters.
 */
export function stripQuotedHistory(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const starts = QUOTE_STARTS.some((re) => re.test(line));
    if (!starts) continue;
    const isHeaderOnly = /^(From|发件人)\s*[:：]/i.test(line);
    if (isHeaderOnly && !lines.slice(i + 1, i + 3).some((l) => HEADER_FOLLOWERS.test(l.trim()))) continue;
    if (i === 0 && !isHeaderOnly) continue;
    end = i;
    break;
  }
  const kept = lines.slice(0, end);
  while (kept.length > 0 && (kept.at(-1)!.trim() === '' || kept.at(-1)!.trimStart().startsWith('>'))) kept.pop();
  return kept
    .join('\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\u0000/g, '')
    .trim()
    .slice(0, MAX_BODY_CHARS);
}

/** A body as the timeline stores it: plain text wins; HTML is converted; quotes go. */
export function bodyTextOf(parts: { plain: string | null; html: string | null }): string {
  if (parts.plain !== null && parts.plain.trim() !== '') return stripQuotedHistory(parts.plain);
  if (parts.html !== null) return stripQuotedHistory(htmlToText(parts.html));
  return '';
}
