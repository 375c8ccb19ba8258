import { readFileSync } from 'node:fs';
import { bootAppFixture, expectedContextsOf, fixturesRoot } from './load-fixture';

export const fixtureThreads = JSON.parse(readFileSync(`${fixturesRoot}gmail/threads.json`, 'utf8')) as {
  account: { email: string; name: string };
  threads: { id: string; route: string; subject: string; broken: boolean; messages: unknown[] }[];
};

export const FIXTURE_BASE = 'https://mail.google.com/mail/u/0/';

/** Per hash route, the HostContext the adapter must produce (without seq and url). */
export const expectedContexts = expectedContextsOf('gmail', FIXTURE_BASE);

/** Boots the fixture app (test/fixtures/gmail/app.js) in happy-dom at the Gmail URL. */
export const bootFixture = (hash = '#inbox'): Promise<void> => bootAppFixture('gmail', `${FIXTURE_BASE}${hash}`);

/** Navigates like a user clicking a row: hash change, then the app re-renders. */
export async function navigate(hash: string): Promise<void> {
  const done = new Promise<void>((resolve) => document.addEventListener('fixture-rendered', () => resolve(), { once: true }));
  location.hash = hash;
  await done;
}
