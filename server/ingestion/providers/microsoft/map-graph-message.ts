import { z } from 'zod';
import { bodyTextOf } from '../../mail-text/body-text';
import { cleanAddress, dateOf, decodeHeader, messageIdOf, messageIdsOf } from '../../mail-text/headers';
import type { IngestedMessage, MailAddress } from '../../provider';

const recipient = z.object({ emailAddress: z.object({ name: z.string().nullish(), address: z.string().nullish() }).nullish() }).nullish().catch(null);

export const graphMessageSchema = z.object({
  id: z.string().min(1),
  internetMessageId: z.string().nullish().catch(null),
  conversationId: z.string().nullish().catch(null),
  subject: z.string().nullish().catch(null),
  body: z.object({ contentType: z.string().nullish(), content: z.string().nullish() }).nullish().catch(null),
  from: recipient,
  sender: recipient,
  toRecipients: z.array(z.unknown()).nullish().catch(null),
  ccRecipients: z.array(z.unknown()).nullish().catch(null),
  sentDateTime: z.string().nullish().catch(null),
  receivedDateTime: z.string().nullish().catch(null),
  isDraft: z.boolean().nullish().catch(null),
  internetMessageHeaders: z.array(z.object({ name: z.string(), value: z.string() })).nullish().catch(null),
});

function party(raw: unknown): MailAddress | null {
  const parsed = recipient.parse(raw);
  const address = cleanAddress(parsed?.emailAddress?.address);
  return address ? { address, name: decodeHeader(parsed?.emailAddress?.name) || null } : null;
}

/**
 * A Graph message (delta page item) → IngestedMessage. Graph gives parsed fields, so only
 * threading headers come from internetMessageHeaders; bodies are HTML unless the text form was
 * asked for, and are converted like Gmail's.
 */
export function mapGraphMessage(raw: unknown, folder: { sent: boolean }): IngestedMessage {
  const m = graphMessageSchema.parse(raw);
  const header = (name: string) => m.internetMessageHeaders?.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value ?? null;
  const content = m.body?.content ?? '';
  const isHtml = (m.body?.contentType ?? 'html').toLowerCase() === 'html';
  return {
    providerId: m.id,
    messageId: messageIdOf(m.internetMessageId),
    threadRef: m.conversationId ?? null,
    inReplyTo: messageIdOf(header('In-Reply-To')),
    references: messageIdsOf(header('References')),
    subject: decodeHeader(m.subject),
    from: party(m.from) ?? party(m.sender),
    to: (m.toRecipients ?? []).map(party).filter((p): p is MailAddress => p !== null),
    cc: (m.ccRecipients ?? []).map(party).filter((p): p is MailAddress => p !== null),
    sentAt: dateOf(m.sentDateTime) ?? dateOf(m.receivedDateTime) ?? new Date(0).toISOString(),
    bodyText: bodyTextOf(isHtml ? { plain: null, html: content } : { plain: content, html: null }),
    sentByMailbox: folder.sent,
    skip: m.isDraft ? 'draft' : null,
  };
}
