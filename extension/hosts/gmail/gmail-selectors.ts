/**
 * Every Gmail selector, in one place (house rule 2). The count each must match on each fixture
 * view is in test/fixtures/gmail/selector-counts.json (app.js renders the views;
 * test/extension/hosts/host-fixtures.test.ts checks them). Sources: host-dom-facts.md §2.
 */
export const gmailSelectors = {
  /** The main content area; absent while Gmail loads. Fixtures: exactly 1 on every view. */
  main: 'div[role="main"]',
  /**
   * The visible thread subject; carries data-legacy-thread-id / data-thread-perm-id (stable since
   * 2018). Fixtures: 1 in each readable thread view, 0 in lists and in the broken thread.
   */
  subject: 'h2.hP',
  /** Emoji inside the subject are images; their alt holds the character. Fixtures: 1 (the 📦 thread). */
  subjectEmoji: 'img[data-emoji]',
  /**
   * One block per message (div.adn, `.ads` when open). Fixtures: 1 per message; 4 in the
   * multi-message thread, 0 in lists and in the broken thread.
   */
  message: 'div.adn',
  /** Sender inside a message block: exactly 1 per div.adn in the fixtures. */
  sender: 'span.gD[email]',
  /**
   * Recipients (To and Cc are not told apart in this header) inside a message block.
   * Fixtures: 1–3 per message.
   */
  recipients: '.hb span[email], span.g2[email]',
  /** List rows. Fixtures: one per thread in threads.json (per message with conversation view off), 0 in thread views. */
  listRow: 'tr.zA[role="row"]',
  /**
   * The preview pane of the split view: the open thread sits beside the list, inside it, and the
   * URL may name no thread (ISDK watches `.aia` for `.a98.iY`, §3). Fixtures: 1 in the split views.
   */
  previewPane: 'div[role="main"] .aia',
  /**
   * A compose window: pop-up mole, full screen, or an inline reply inside `.AO` (GJS/ISDK `div.M9`).
   * Fixtures: 1 in the compose views, 0 elsewhere.
   */
  compose: 'div.M9',
  /**
   * Recipient chips since PeopleKit (2021-10): inside `.anm[name=to|cc|bcc]`, the address in
   * data-hovercard-id, the name in data-name (§2 "Compose"). Fixtures: 1–2 in the compose views.
   */
  composeChip: '.anm[name] [role="option"][data-hovercard-id]',
  /**
   * Chips of the older layout, still handled: `.vR` with a hidden input holding the address, in the
   * row of `textarea.vO[name=to|cc|bcc]`. Fixtures: 1 in the old-layout compose view.
   */
  composeChipLegacy: '.vR input[type="hidden"]',
  /** Subject of a compose: pop-up `subjectbox`, inline `subject`. Fixtures: 1 per compose. */
  composeSubject: 'input[name="subjectbox"], input[name="subject"]',
  /** Hidden input with the legacy thread id a reply belongs to (`lts`). Fixtures: 1 per compose. */
  composeThreadId: 'input[name="lts"]',
} as const;

/**
 * Attributes of a message block (div.adn) holding its id, newest-stable first: the legacy hex id
 * (since 2018), then `#msg-f:<decimal>`. A just-sent reply has only data-message-id until Gmail
 * syncs it; drafts carry `msg-a:` ids (host-dom-facts §2, §5).
 */
export const MESSAGE_ID_ATTRIBUTES = ['data-legacy-message-id', 'data-message-id'] as const;

/** Attributes read from the subject h2, newest-stable first. */
export const THREAD_ID_ATTRIBUTES = ['data-legacy-thread-id', 'data-thread-perm-id'] as const;
