import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// A string path: under happy-dom the global URL is the DOM's, which node:url does not accept.
export const fixturesRoot = `${resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures')}/`;

export type ExpectedEntry = { url: string; description: string; expected: Record<string, unknown> };

/** test/fixtures/<folder>/expected-contexts.json, with each entry's full URL. */
export function expectedContextsOf(folder: string, baseForHash = ''): ExpectedEntry[] {
  const raw = JSON.parse(readFileSync(`${fixturesRoot}${folder}/expected-contexts.json`, 'utf8')) as {
    url?: string;
    hash?: string;
    description: string;
    expected: Record<string, unknown>;
  }[];
  return raw.map((e) => ({ url: e.url ?? `${baseForHash}${e.hash ?? ''}`, description: e.description, expected: e.expected }));
}

const nextRender = (): Promise<void> =>
  new Promise((resolve) => document.addEventListener('fixture-rendered', () => resolve(), { once: true }));

/**
 * Boots a host fixture app (test/fixtures/<folder>/app.js) in happy-dom at `url`, serving its
 * fetches from the folder by file name as the HTTPS fixture server does.
 */
export async function bootAppFixture(folder: string, url: string): Promise<void> {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  document.body.replaceChildren();
  document.title = '';
  globalThis.fetch = (async (input: string | URL) => {
    const name = String(input).split('/').pop()!;
    const file = `${fixturesRoot}${folder}/${name}`;
    if (!existsSync(file)) return new Response('not found', { status: 404 });
    return new Response(readFileSync(file, 'utf8'), { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  const done = nextRender();
  new Function(readFileSync(`${fixturesRoot}${folder}/app.js`, 'utf8'))();
  await done;
  // happy-dom fires the hashchange of setURL later, which renders the app once more; let it pass
  // so a test's own DOM changes are not wiped by it.
  await new Promise((resolve) => setTimeout(resolve, 10));
}

/** A static saved page (portal fixtures): its <body> and <title>, at `url`. */
export function loadPageFixture(file: string, url: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  const html = readFileSync(`${fixturesRoot}${file}`, 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.title = parsed.title;
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
}

/** SPA navigation the way the fixture apps do it on a click: pushState, then their re-render. */
export async function pushState(url: string): Promise<void> {
  const done = nextRender();
  history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
  await done;
}
