import { z } from 'zod';
import { emailAddressSchema, textSchema } from './common';

/**
 * What a host adapter read from the page. It crosses two trust boundaries (content script in a
 * hostile page → background → sidebar) and is parsed with this schema at each of them.
 */
export const hostSchema = z.enum(['gmail']);
export type Host = z.infer<typeof hostSchema>;

export const participantRoleSchema = z.enum(['from', 'to', 'cc']);

export const participantSchema = z.object({
  email: emailAddressSchema,
  name: textSchema(200),
  role: participantRoleSchema,
});
export type Participant = z.infer<typeof participantSchema>;

const base = {
  host: hostSchema,
  /** The page URL with its hash; bounded so a hostile page cannot push megabytes through. */
  url: z.url().max(4096),
  /** Monotonic per content script, so a late message never overwrites a newer context. */
  seq: z.number().int().nonnegative(),
};

export const threadContextSchema = z.object({
  ...base,
  kind: z.literal('thread'),
  threadId: textSchema(200).min(1),
  subject: textSchema(1000),
  /** The person whose message the user is reading: the latest sender who is not the user. */
  sender: participantSchema.nullable(),
  participants: z.array(participantSchema).max(500),
  /** The signed-in mailbox address when the page shows it, so "me" can be told apart. */
  account: emailAddressSchema.nullable(),
});

/** A list, label or search view: no thread is open. */
export const noThreadContextSchema = z.object({ ...base, kind: z.literal('none') });

/** The adapter could not read the page; the sidebar says so rather than show stale data. */
export const unreadableContextSchema = z.object({
  ...base,
  kind: z.literal('unreadable'),
  reason: textSchema(200),
});

export const hostContextSchema = z.discriminatedUnion('kind', [
  threadContextSchema,
  noThreadContextSchema,
  unreadableContextSchema,
]);
export type HostContext = z.infer<typeof hostContextSchema>;
export type ThreadContext = z.infer<typeof threadContextSchema>;
