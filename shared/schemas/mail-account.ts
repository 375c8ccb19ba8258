import { z } from 'zod';
import { domainSchema, emailAddressSchema, idSchema, instantSchema, textSchema } from './common';
import { mailSharingSchema } from './timeline';

/** Providers a user can connect (server/ingestion/registry.ts has one line for each). */
export const mailProviderSchema = z.enum(['google', 'microsoft']);
export type MailProviderId = z.infer<typeof mailProviderSchema>;

export const namedResourceSchema = z.object({ id: textSchema(500).min(1), name: textSchema(300) });

/** What went wrong on a channel, from the server's closed vocabulary (the UI translates it). */
export const channelErrorKindSchema = z.enum([
  'temporary',
  'rate-limited',
  'cursor-invalid',
  'auth-revoked',
  'insufficient-permissions',
  'not-found',
  'unknown',
]);

export const channelHealthSchema = z.object({
  id: idSchema,
  kind: z.enum(['mail', 'calendar']),
  label: z.string(),
  lastSuccessAt: instantSchema.nullable(),
  itemsImported: z.number().int().nonnegative(),
  /** Items the provider still reports as waiting, when it says. */
  backlog: z.number().int().nonnegative().nullable(),
  errorKind: channelErrorKindSchema.nullable(),
  /** The server's plain-English sentence (shown when the UI has no translation). */
  error: z.string().nullable(),
});
export type ChannelHealth = z.infer<typeof channelHealthSchema>;

/**
 * A connected mail/calendar account and the health of its channels (issue 5). Private to its
 * user: replicated to that user's devices only, like match choices.
 */
export const mailAccountSchema = z.object({
  id: idSchema,
  provider: mailProviderSchema,
  address: z.string(),
  /** reconnect: the token was revoked or expired; only the user can fix it. */
  status: z.enum(['active', 'reconnect']),
  sharing: mailSharingSchema,
  calendars: z.array(namedResourceSchema),
  mailFolders: z.array(namedResourceSchema),
  channels: z.array(channelHealthSchema),
  updatedAt: instantSchema,
});
export type MailAccount = z.infer<typeof mailAccountSchema>;

export const connectInputSchema = z.object({ provider: mailProviderSchema });
export const accountIdInputSchema = z.object({ accountId: idSchema });
export const accountUpdateInputSchema = z.object({
  accountId: idSchema,
  sharing: mailSharingSchema.optional(),
  /** The calendars to import; empty = the primary calendar. */
  calendars: z.array(namedResourceSchema).max(50).optional(),
  /** Outlook folders besides Inbox and Sent Items. */
  mailFolders: z.array(namedResourceSchema).max(50).optional(),
});
export type AccountUpdateInput = z.infer<typeof accountUpdateInputSchema>;

export const calendarChoiceSchema = namedResourceSchema.extend({ primary: z.boolean() });

/** Never-log entries: an address or a domain, for the whole organisation (admins) or just me. */
export const neverLogEntrySchema = z.object({
  id: idSchema,
  kind: z.enum(['address', 'domain']),
  value: z.string(),
  scope: z.enum(['organisation', 'personal']),
  createdAt: instantSchema,
});
export type NeverLogEntry = z.infer<typeof neverLogEntrySchema>;

export const neverLogAddInputSchema = z.union([
  z.object({ kind: z.literal('address'), value: emailAddressSchema, scope: z.enum(['organisation', 'personal']) }),
  z.object({ kind: z.literal('domain'), value: domainSchema, scope: z.enum(['organisation', 'personal']) }),
]);
export type NeverLogAddInput = z.infer<typeof neverLogAddInputSchema>;
