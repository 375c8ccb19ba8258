import { z } from 'zod';
import { MAIL_ADDRESS_PATTERN } from '../domain/email';

/** Every entity id is a UUID made by the client (v7, so ids sort by creation time). */
export const idSchema = z.uuid();

/** ISO-8601 instant with offset, as stored and compared everywhere. */
export const instantSchema = z.iso.datetime({ offset: true });

/**
 * Free text a person typed: trimmed, bounded, never HTML-rendered anywhere. NUL is refused here
 * because PostgreSQL text cannot hold it; caught late, it would fail a whole sync push.
 */
export const textSchema = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((text) => !text.includes('\u0000'), 'must not contain NUL characters');

/** A mail address as found in headers or pages; normalised later by shared/domain/email. */
export const emailAddressSchema = z.string().trim().max(320).pipe(z.email({ pattern: MAIL_ADDRESS_PATTERN }));

/** A mail domain such as `example.com` or `示例.中国` (IDN allowed, no scheme or @). */
export const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(253)
  .regex(/^[^\s@/:]+\.[^\s@/:.]+$/, 'must be a mail domain such as example.com');

/**
 * A phone or fax number as people write it: digits with + ( ) - . / spaces, optionally an
 * extension (`ext 12`, `x12`, `转801`, `分机801`). Letters and markup are refused.
 */
export const phoneSchema = textSchema(50).regex(
  /^\+?[0-9()\-\s./]*[0-9][0-9()\-\s./]*(\s*(ext\.?|x|转|分机)\s*[0-9]+)?$/i,
  'must be a phone number such as +86 21 1234 5678',
);

/** A web address; with a scheme only http(s), so it is safe to render as a link. */
export const websiteSchema = textSchema(300).regex(
  /^(https?:\/\/)?[^\s<>"'/:]+\.[^\s<>"']+$/i,
  'must be a web address such as example.com',
);
