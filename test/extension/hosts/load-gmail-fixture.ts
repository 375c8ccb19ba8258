import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// A string path: under happy-dom the global URL is the DOM's, which node:url does not accept.
const dir = `${resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/gmail')}/`;
export const fixtureThreads = JSON.parse(readFileSync(`${dir}threads.json`, 'utf8')) as {
  account: { email: string; name: string };
  threads: { id: string; route: string; subject: string; broken: boolean; messages: unknown[] }[];
};
export const expectedContexts = JSON.parse(readFileSync(`${dir}expected-contexts.json`, 'utf8')) as {
  hash: string;
  description: string;
  expected: Record<string, unknown>;
}[];

export const FIXTURE_BASE = 'https://mail.google.com/mail/u/0/';

function rendered(hash: string): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (document.documentElement.getAttribute('data-rendered-hash') === hash) {
        document.removeEventListener('fixture-rendered', check);
        resolve();
      }
    };
    document.addEventListener('fixture-rendered', check);
    check();
  });
}

/** Boots the fixture app (test/fixtures/gmail/app.js) in happy-dom at the Gmail URL. */
export async function bootFixture(hash = '#inbox'): Promise<void> {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${FIXTURE_BASE}${hash}`);
  document.body.replaceChildren();
  document.documentElement.removeAttribute('data-rendered-hash');
  globalThis.fetch = (async () =>
    new Response(readFileSync(`${dir}threads.json`, 'utf8'), {
      headers: { 'content-type': 'application/json' },
    })) as typeof fetch;
  const done = rendered(hash);
  new Function(readFileSync(`${dir}app.js`, 'utf8'))();
  await done;
}

/** Navigates like a user clicking a row: hash change, then the app re-renders. */
export async function navigate(hash: string): Promise<void> {
  const done = rendered(hash);
  location.hash = hash;
  await done;
}
