/**
 * A provider-neutral description of one test or demo message; the fakes turn it into Gmail's
 * `full` payload or a Graph message, the way the real services would show the same mail.
 */
export type FakeAddress = { address: string; name?: string };

export type FakeMessageSpec = {
  /** Without brackets; null: the message has no Message-ID header at all. */
  messageId: string | null;
  from: FakeAddress;
  to: FakeAddress[];
  cc?: FakeAddress[];
  subject: string;
  date: Date;
  text?: string;
  html?: string;
  inReplyTo?: string;
  references?: string[];
  /** Body charset label. gbk/gb2312/gb18030 bodies carry GBK bytes when `rawBytes` is set. */
  charset?: 'utf-8' | 'gbk' | 'gb2312' | 'gb18030';
  /** Send the body in its charset's bytes (Gmail re-encodes to UTF-8 in `full` format; raw keeps them). */
  rawBytes?: boolean;
  /** RFC 2047 B-encode non-ASCII header text (subject, display names) in UTF-8 or GBK. */
  encodeHeaders?: 'utf-8' | 'gbk';
  attachments?: { filename: string; mimeType: string; size: number }[];
  inlineImage?: boolean;
  /** Gmail labels (INBOX, SENT, CATEGORY_PROMOTIONS, SPAM…); also picks the Graph folder. */
  labels: string[];
  /** Extra raw headers (malformed cases). */
  extraHeaders?: { name: string; value: string }[];
  /** Leave these headers out (malformed cases). */
  omitHeaders?: string[];
};

export type FakeAttendee = FakeAddress & { response?: 'accepted' | 'declined' | 'tentative' | 'needsAction' };

export type FakeEventSpec = {
  id: string;
  icalUid: string;
  subject: string;
  description?: string;
  location?: string;
  start: Date;
  end: Date;
  allDay?: boolean;
  organizer: FakeAddress;
  attendees: FakeAttendee[];
  /** Weekly occurrences (the fakes expand them: Google singleEvents, Graph calendarView). */
  weeklyCount?: number;
  eventType?: 'default' | 'outOfOffice' | 'focusTime';
};
