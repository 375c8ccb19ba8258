import { z } from 'zod';
import { bodyTextOf } from '../../mail-text/body-text';
import { charsetOf, decodeBase64Url, decodeBytes } from '../../mail-text/charset';
import { dateOf, decodeHeader, messageIdOf, messageIdsOf, parseAddressList } from '../../mail-text/headers';
import type { IngestedMessage, SkipReason } from '../../provider';

// Lenient on purpose (a trust boundary that must not lose mail): only the fields we read, each
// optional, unknown ones ignored. A part that does not parse is treated as absent.
// Children are parsed one by one when visited, so one broken part never hides its siblings.
const partSchema = z.object({
  mimeType: z.string().optional().catch(undefined),
  filename: z.string().optional().catch(undefined),
  headers: z
    .array(z.unknown())
    .optional()
    .catch(undefined)
    .transform((list) => (list ?? []).flatMap((h) => headerSchema.safeParse(h).data ?? [])),
  body: z
    .object({ data: z.string().optional().catch(undefined), attachmentId: z.string().optional().catch(undefined) })
    .optional()
    .catch(undefined),
  parts: z.array(z.unknown()).optional().catch(undefined),
});
const headerSchema = z.object({ name: z.string(), value: z.string() });
type Part = z.infer<typeof partSchema>;

export const gmailMessageSchema = z.object({
  id: z.string().min(1),
  threadId: z.string().optional().catch(undefined),
  labelIds: z.array(z.string()).optional().catch(undefined),
  internalDate: z.string().optional().catch(undefined),
  payload: partSchema.optional().catch(undefined),
});

/** provider-facts.md §1.8: the categories the issue skips, and Twenty's list. */
const SKIPPED_CATEGORIES = new Set(['CATEGORY_PROMOTIONS', 'CATEGORY_SOCIAL', 'CATEGORY_UPDATES', 'CATEGORY_FORUMS']);

export function skipReasonOf(labelIds: readonly string[]): SkipReason | null {
  if (labelIds.includes('SPAM')) return 'spam';
  if (labelIds.includes('TRASH')) return 'trash';
  if (labelIds.includes('DRAFT')) return 'draft';
  if (labelIds.some((l) => SKIPPED_CATEGORIES.has(l))) return 'category';
  return null;
}

function header(part: Part | undefined, name: string): string | null {
  const lower = name.toLowerCase();
  return part?.headers?.find((h) => h.name.toLowerCase() === lower)?.value ?? null;
}

/** The first text/plain and text/html bodies that are not attachments, at any depth. */
function textBodies(root: Part | undefined): { plain: string | null; html: string | null } {
  const found: { plain: string | null; html: string | null } = { plain: null, html: null };
  const visit = (part: Part, depth: number): void => {
    if (depth > 30) return; // a hostile message could nest parts without end
    const type = (part.mimeType ?? '').toLowerCase();
    const isAttachment = Boolean(part.filename) || Boolean(part.body?.attachmentId) ||
      /attachment/i.test(header(part, 'Content-Disposition') ?? '');
    if (!isAttachment && part.body?.data && (type === 'text/plain' || type === 'text/html')) {
      const text = decodeBytes(decodeBase64Url(part.body.data), charsetOf(header(part, 'Content-Type')));
      if (type === 'text/plain') found.plain ??= text;
      else found.html ??= text;
    }
    for (const child of part.parts ?? []) {
      const parsed = partSchema.safeParse(child);
      if (parsed.success) visit(parsed.data, depth + 1);
    }
  };
  if (root) visit(root, 0);
  return found;
}

/**
 * A `messages.get?format=full` payload → IngestedMessage. Everything that can be missing or
 * broken is tolerated: no Date → internalDate; no Message-ID → null (dedupe falls back to the
 * Gmail id); undecodable charsets → windows-1252; unparseable addresses → left out.
 */
export function mapGmailMessage(raw: unknown): IngestedMessage {
  const message = gmailMessageSchema.parse(raw);
  const payload = message.payload;
  const labels = message.labelIds ?? [];
  const internal = Number(message.internalDate);
  const sentAt =
    dateOf(header(payload, 'Date')) ?? (Number.isFinite(internal) && internal > 0 ? new Date(internal).toISOString() : new Date(0).toISOString());
  const from = parseAddressList(header(payload, 'From'))[0] ?? null;
  return {
    providerId: message.id,
    messageId: messageIdOf(header(payload, 'Message-ID')),
    threadRef: message.threadId ?? null,
    inReplyTo: messageIdOf(header(payload, 'In-Reply-To')),
    references: messageIdsOf(header(payload, 'References')),
    subject: decodeHeader(header(payload, 'Subject')),
    from,
    to: parseAddressList(header(payload, 'To')),
    cc: parseAddressList(header(payload, 'Cc')),
    sentAt,
    bodyText: bodyTextOf(textBodies(payload)),
    sentByMailbox: labels.includes('SENT'),
    skip: skipReasonOf(labels),
  };
}
