import * as z from 'zod/mini';
import { MAIL_ADDRESS_PATTERN } from '../domain/email';
import { clueKindSchema } from './portal-rules';

/**
 * What a host adapter read from the page. It crosses two trust boundaries (content script in a
 * hostile page → background → sidebar) and is parsed with this schema at each of them.
 *
 * Written with zod/mini, unlike the other schemas: this is the only schema the content script
 * bundles, and classic zod alone was ~25 KB of its 30 KB gzipped budget (mini: ~8 KB). Classic
 * schemas embed it unchanged (zod 4 classic and mini share one core).
 */
/** Where the context was read: a mail host, or a web portal the user approved (docs/hosts.md). */
export const hostSchema = z.enum(['gmail', 'outlook', 'portal']);
export type Host = z.infer<typeof hostSchema>;

const text = (max: number) => z.string().check(z.trim(), z.maxLength(max));
const address = () => z.pipe(text(320), z.email({ pattern: MAIL_ADDRESS_PATTERN }));

export const participantRoleSchema = z.enum(['from', 'to', 'cc', 'bcc']);

export const participantSchema = z.object({
  email: address(),
  name: text(200),
  role: participantRoleSchema,
});
export type Participant = z.infer<typeof participantSchema>;

/**
 * One message of the open thread as the page shows it, oldest first. The host's own message id
 * (Gmail's legacy hex id, Outlook's item id) lets rules such as "close the follow-up when the
 * customer replies" tell a new message from one that was there before, without trusting the
 * host's localised date text.
 */
export const threadMessageSchema = z.object({
  id: text(200).check(z.minLength(1)),
  from: address(),
});
export type ThreadMessage = z.infer<typeof threadMessageSchema>;

const base = {
  host: hostSchema,
  /** The page URL with its hash; bounded so a hostile page cannot push megabytes through. */
  url: z.url().check(z.maxLength(4096)),
  /** Monotonic per content script, so a late message never overwrites a newer context. */
  seq: z.number().check(z.int(), z.nonnegative()),
};

export const threadContextSchema = z.object({
  ...base,
  kind: z.literal('thread'),
  threadId: text(200).check(z.minLength(1)),
  subject: text(1000),
  /** The person whose message the user is reading: the latest sender who is not the user. */
  sender: z.nullable(participantSchema),
  participants: z.array(participantSchema).check(z.maxLength(500)),
  /** The messages with a readable id and sender, oldest first (the newest when over the bound). */
  messages: z.array(threadMessageSchema).check(z.maxLength(500)),
  /** The signed-in mailbox address when the page shows it, so "me" can be told apart. */
  account: z.nullable(address()),
});

/**
 * The user is writing (a new message, or a reply in a thread): the sidebar is about the recipient.
 * Several compose windows can be open; the one with the focus, else the newest, is read.
 */
export const composeContextSchema = z.object({
  ...base,
  kind: z.literal('compose'),
  /** The thread being replied to, or null for a new message. */
  threadId: z.nullable(text(200).check(z.minLength(1))),
  subject: text(1000),
  /** The recipient the sidebar is about: the first who is neither the user nor a colleague. */
  recipient: z.nullable(participantSchema),
  /** Everyone the message goes to (To, Cc, Bcc), in the order written. */
  recipients: z.array(participantSchema).check(z.maxLength(500)),
  /** The replied-to thread's messages when it is on screen, oldest first (else empty). */
  messages: z.array(threadMessageSchema).check(z.maxLength(500)),
  account: z.nullable(address()),
});

/**
 * Something a portal page says about the customer: an address, a customer code, a tax number or
 * a company name, found by a rule (an element the user pointed at) or in the page's text.
 */
export const clueSchema = z.object({
  kind: clueKindSchema,
  value: text(200).check(z.minLength(1)),
  source: z.enum(['rule', 'page']),
});
export type Clue = z.infer<typeof clueSchema>;

/** An approved web portal's page: what it says about the customer, most reliable first. */
export const pageContextSchema = z.object({
  ...base,
  kind: z.literal('page'),
  title: text(300),
  clues: z.array(clueSchema).check(z.maxLength(50)),
});

/** A list, label or search view: no thread is open. */
export const noThreadContextSchema = z.object({ ...base, kind: z.literal('none') });

/** The adapter could not read the page; the sidebar says so rather than show stale data. */
export const unreadableContextSchema = z.object({
  ...base,
  kind: z.literal('unreadable'),
  reason: text(200),
});

export const hostContextSchema = z.discriminatedUnion('kind', [
  threadContextSchema,
  composeContextSchema,
  pageContextSchema,
  noThreadContextSchema,
  unreadableContextSchema,
]);
export type HostContext = z.infer<typeof hostContextSchema>;
/** A context as an adapter reads it, before the edge stamps it with `seq`. */
export type UnstampedContext = HostContext extends infer C ? (C extends HostContext ? Omit<C, 'seq'> : never) : never;
export type ThreadContext = z.infer<typeof threadContextSchema>;
export type ComposeContext = z.infer<typeof composeContextSchema>;
export type PageContext = z.infer<typeof pageContextSchema>;
