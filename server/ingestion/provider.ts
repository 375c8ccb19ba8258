/**
 * The one shape every mail and calendar provider has (DESIGN.md "Providers"). Providers turn wire
 * payloads into these plain records and map their errors into ProviderError; they never touch
 * repositories. The ingestion service gets providers through registry.ts and never imports an SDK.
 */

export type MailAddress = { address: string; name: string | null };

/** Why a message is fetched but not imported (Gmail categories, spam, trash, drafts). */
export type SkipReason = 'category' | 'spam' | 'trash' | 'draft';

export type IngestedMessage = {
  /** The provider's own id in this mailbox (Gmail id, Graph immutable id). */
  providerId: string;
  /** RFC 5322 Message-ID without angle brackets; null when the message has none. */
  messageId: string | null;
  /** Gmail threadId or Graph conversationId: the link back to the source. */
  threadRef: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  /** ISO instant the message was sent (Date header) or received when that is missing. */
  sentAt: string;
  /** Plain text with quoted history stripped (mail-text/), possibly truncated. */
  bodyText: string;
  /** In the mailbox's sent folder / has Gmail's SENT label. */
  sentByMailbox: boolean;
  skip: SkipReason | null;
};

export type EventAttendee = MailAddress & { response: 'accepted' | 'declined' | 'tentative' | 'none' };

export type IngestedEvent = {
  providerId: string;
  /** Same for every copy of the meeting in every calendar (and every instance of a series). */
  icalUid: string | null;
  /** Identifies one occurrence of a series (its original start); null for a single event. */
  instanceKey: string | null;
  subject: string;
  description: string;
  start: string;
  end: string;
  allDay: boolean;
  location: string | null;
  organizer: MailAddress | null;
  attendees: EventAttendee[];
};

/** One page of a channel's changes. `next` carries either mid-run progress or the finished cursor. */
export type Page<T> = {
  items: T[];
  /** Provider ids that left the mailbox or calendar (deleted, trashed, cancelled). */
  removed: string[];
  /** `state`: more pages in this pass (opaque, stored as the checkpoint); `cursor`: pass complete. */
  next: { state: string } | { cursor: string };
  /** How many items the provider still reports as waiting, when it says (shown as backlog). */
  backlog: number | null;
};

export type PageRequest = {
  /** Folder or calendar id; `mail` for a Gmail mailbox (one history for all labels). */
  resource: string;
  /** The cursor of the last complete pass; null starts a full pass over the window. */
  cursor: string | null;
  /** The checkpoint inside the current pass, as returned in `next.state`. */
  state: string | null;
  /** Items before this are not imported by a full pass (the configurable first window). */
  windowStart: Date;
  signal: AbortSignal;
  /**
   * Every provider request of the page goes through this: it retries a failed request (a
   * ProviderError) as the one error handler decides, and rethrows what must not be retried.
   */
  attempt<T>(request: () => Promise<T>): Promise<T>;
};

export type ChannelKind = 'mail' | 'calendar';
export type ChannelSpec = { kind: ChannelKind; resource: string; label: string };

export type NamedResource = { id: string; name: string };
export type AccountSettings = {
  /** Calendars the user selected; empty means the account's primary/default calendar. */
  calendars: NamedResource[];
  /** Mail folders beyond the provider's defaults (Graph: Inbox and Sent Items). */
  mailFolders: NamedResource[];
};

export type MailSource = {
  fetchPage(request: PageRequest): Promise<Page<IngestedMessage>>;
};

export type CalendarSource = {
  listCalendars(signal: AbortSignal): Promise<(NamedResource & { primary: boolean })[]>;
  fetchPage(request: PageRequest): Promise<Page<IngestedEvent>>;
};

/** A signed-in connection to one account. Rotated refresh tokens go back through the hook. */
export type Connection = { mail: MailSource; calendar: CalendarSource };
export type ConnectionHooks = { saveRefreshToken(token: string): Promise<void> };

export type AuthorizationRequest = { redirectUri: string; state: string; codeChallenge: string };
export type GrantedAccount = { refreshToken: string; address: string; displayName: string | null; scopes: string };

export type Provider = {
  id: string;
  /**
   * The extension host whose pages show this provider's mail: conversations are named
   * `<host>:<thread id>` across tiers (shared/schemas/follow-up threadRefSchema), and the page's
   * thread id is the one the provider's API gives (Gmail threadId, Graph conversationId).
   */
  webHost: string;
  /** The server has this provider's OAuth client (id and secret); otherwise nobody can connect. */
  configured: boolean;
  /** Where the user's browser goes to approve read-only access. */
  authorizeUrl(request: AuthorizationRequest): string;
  /** Exchanges the authorisation code (PKCE) for a refresh token and the account's address. */
  exchangeCode(input: { code: string; redirectUri: string; codeVerifier: string; signal: AbortSignal }): Promise<GrantedAccount>;
  /** The channels (mailboxes/folders and calendars) an account with these settings syncs. */
  channels(settings: AccountSettings): ChannelSpec[];
  connect(refreshToken: string, hooks: ConnectionHooks): Connection;
};
