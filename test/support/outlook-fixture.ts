import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { fixturesDir } from './paths';

type Conversation = { convId: string; subject: string; messages: { key: string }[] };

const data = JSON.parse(readFileSync(path.join(fixturesDir, 'outlook', 'conversations.json'), 'utf8')) as {
  conversations: Conversation[];
};

/** The Outlook fixture's conversation whose subject matches, with its URLs. */
export function outlookConversation(subject: RegExp) {
  const conversation = data.conversations.find((c) => subject.test(c.subject));
  if (!conversation) throw new Error(`no Outlook fixture conversation matches ${subject}`);
  const id = encodeURIComponent(conversation.convId);
  return {
    ...conversation,
    url: (origin = 'https://outlook.office.com', prefix = '/mail') => `${origin}${prefix}/inbox/id/${id}`,
    deepLink: (origin = 'https://outlook.office.com') => `${origin}/mail/deeplink/read/${encodeURIComponent(conversation.messages[0]!.key)}`,
  };
}

/** A click on the conversation's row in the list: OWA pushes the URL and re-renders. */
export async function openOutlookRow(page: Page, subject: string): Promise<void> {
  await page.locator('[role="option"][data-convid]', { hasText: subject }).first().click();
}

/** A click on Inbox in the folder tree: the list with nothing open. */
export async function openOutlookInbox(page: Page): Promise<void> {
  await page.locator('[role="treeitem"][data-folder-name="inbox"]').click();
}
