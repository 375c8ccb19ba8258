/**
 * Every Outlook on the web selector, in one place (house rule 2). Counts per fixture view are in
 * test/fixtures/outlook/selector-counts.json (test/extension/hosts/host-fixtures.test.ts checks
 * them). Only language-neutral hooks: ids, roles, data-* attributes (host-dom-facts §4
 * "Localisation"); class names are build hashes and change every few months (§6).
 *
 * Sources: host-dom-facts.md §4 (MV, DT, CLI, TGL, ASA); the `MSG_<key>_<FIELD>` id family of the
 * reading pane's metadata headings is from sgnoohc/monet `gmailify/AGENTS.md` ("read from saved
 * pages", outlook.cloud.microsoft, 2026): `MSG_<key>_FROM`, `_DATETIME`, `_SUBJECT`,
 * `_ATTACHMENTS`, "every metadata block has one, and they survive builds where the classes do
 * not". The To/Cc members of that family (`_TO`, `_CC`) are inferred from that sentence.
 */
export const outlookSelectors = {
  /**
   * The conversation shown in the reading pane (conversation view); carries data-convid (DT).
   * Fixtures: 1 with a conversation open, 0 in the list and in the item view.
   */
  conversationPane: '#ConversationReadingPaneContainer',
  /** One item: the deep-link read view, single-message view (DT, DESIGN.md). Fixtures: 1 there, else 0. */
  itemPane: '#ItemReadingPaneContainer',
  /** A row of the message list; every row carries data-convid (MV, DT). Fixtures: one per conversation in the list views. */
  listRow: '[role="option"][data-convid]',
  /** The open conversation's row: the selected one, never the first match (DT). Fixtures: 0 or 1. */
  selectedRow: '[role="option"][data-convid][aria-selected="true"]',
  /** The subject heading (`title` = its text, without Copilot's "Summarize"; TGL, CLI). Fixtures: 1 per open conversation. */
  subject: '[role="heading"][id$="_SUBJECT"]',
  /** One sender heading per message, MSG_<key>_FROM; <key> is the message's id. Fixtures: 1 per rendered message. */
  messageFrom: '[role="heading"][id^="MSG_"][id$="_FROM"]',
  /** Recipients of a message (expanded messages only). Fixtures: 1 per expanded message (To), Cc where the message has one. */
  messageTo: '[id^="MSG_"][id$="_TO"]',
  messageCc: '[id^="MSG_"][id$="_CC"]',
  /** The date heading (localised text: "周四 2026/8/20 9:30"); data-testid SentReceivedSavedTime. Fixtures: 1 per expanded message. */
  messageDate: '[id^="MSG_"][id$="_DATETIME"]',
  /** A person chip inside a From/To/Cc heading (CLI: a button whose aria-label/title names the person). */
  personChip: '[role="button"]',
  /** Work/school account button: aria-label "Account manager for <Name> <email>" (DT). Fixtures: 1 on office.com, 0 elsewhere. */
  accountButton: '#O365_MainLink_Me',
  /** Mailbox root of the folder tree, title = the address (MV; consumer: DT). Fixtures: 1 on every view with a folder tree. */
  mailboxRoot: '[role="treeitem"][id^="primaryMailboxRoot"]',
  /**
   * Compose recipient fields. Outlook gives them no language-neutral hook, so these match the
   * localised labels found so far (CLI zh-CN, TGL, MV de): the least stable selectors here.
   * Chips sit in the field's grandparent (CLI). Fixtures: 1 each in the compose views.
   */
  composeTo: '[contenteditable="true"][aria-label="To"], [contenteditable="true"][aria-label="收件人"], [contenteditable="true"][aria-label="An"]',
  composeCc: '[contenteditable="true"][aria-label="Cc"], [contenteditable="true"][aria-label="抄送"]',
  composeBcc: '[contenteditable="true"][aria-label="Bcc"], [contenteditable="true"][aria-label="密件抄送"]',
  /** Compose subject (CLI zh "主题", TGL 2022 "Add a subject"). Fixtures: 1 per compose. */
  composeSubject: 'input[aria-label="Subject"], input[aria-label="Add a subject"], input[aria-label="主题"], input[aria-label="添加主题"], input[aria-label="Betreff"]',
  /** The send button, language-neutral (TGL 2023-01, 2024-09): marks the compose form's extent. Fixtures: 1 per compose. */
  composeSend: '[data-testid="ComposeSendButton"]',
} as const;

/** `MSG_<key>_FROM` → `<key>`; keys contain base64 characters such as `/` (gmailify: `QAD/KIb6QAA`). */
export const MESSAGE_KEY = /^MSG_(.+)_FROM$/;
/** The sibling heading of a message for another field: `MSG_<key>_<FIELD>` (read with getElementById). */
export const messageFieldId = (key: string, field: 'TO' | 'CC' | 'DATETIME'): string => `MSG_${key}_${field}`;
