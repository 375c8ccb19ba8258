// @vitest-environment happy-dom
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { gmailSelectors } from '../../../extension/hosts/gmail/gmail-selectors';
import { outlookSelectors } from '../../../extension/hosts/outlook/outlook-selectors';
import { portalSelectors } from '../../../extension/hosts/portal/portal-selectors';
import { bootAppFixture, expectedContextsOf, fixturesRoot, loadPageFixture } from './load-fixture';

// House rule 2, for every host: each host folder has fixture pages with their expected contexts,
// and every selector of its selectors file has the count it must match on every fixture view.

const hostsDir = `${resolve(dirname(fileURLToPath(import.meta.url)), '../../../extension/hosts')}/`;
const hostFolders = readdirSync(hostsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'dom')
  .map((d) => d.name);

/** Every host's selectors; a new host folder must be added here (the first test says so). */
const SELECTORS: Record<string, Record<string, string>> = { gmail: gmailSelectors, outlook: outlookSelectors, portal: portalSelectors };
const BASE_FOR_HASH: Record<string, string> = { gmail: 'https://mail.google.com/mail/u/0/' };

/** Mail hosts are fixture apps; portal fixtures are saved pages (the entry names its file). */
async function boot(host: string, url: string): Promise<void> {
  if (host !== 'portal') return bootAppFixture(host, url);
  const raw = JSON.parse(readFileSync(`${fixturesRoot}portal/expected-contexts.json`, 'utf8')) as { url: string; file: string }[];
  loadPageFixture(`portal/${raw.find((e) => e.url === url)!.file}`, url);
}

/** Views are keyed by their URL, relative to the host's usual base where they are under it. */
const viewOf = (url: string, base: string): string => (base && url.startsWith(base) ? url.slice(base.length) : url);

type Counts = { views: Record<string, Record<string, number>> };
const countsOf = (host: string): Counts =>
  JSON.parse(readFileSync(`${fixturesRoot}${host}/selector-counts.json`, 'utf8')) as Counts;

describe('every host folder has fixtures', () => {
  it.each(hostFolders)('%s', (host) => {
    for (const file of ['README.md', 'expected-contexts.json']) {
      expect(existsSync(`${fixturesRoot}${host}/${file}`), `test/fixtures/${host}/${file}`).toBe(true);
    }
    expect(existsSync(`${hostsDir}${host}/${host}-url.ts`), `extension/hosts/${host}/${host}-url.ts`).toBe(true);
    expect(existsSync(`${hostsDir}${host}/${host}-selectors.ts`), `extension/hosts/${host}/${host}-selectors.ts`).toBe(true);
  });
});

describe.each(Object.keys(SELECTORS))('%s selectors match their documented counts', (host) => {
  const selectors = SELECTORS[host]!;
  const base = BASE_FOR_HASH[host] ?? '';
  const { views } = countsOf(host);

  it('lists every fixture view, and every view has an expected context', () => {
    expect(hostFolders).toContain(host);
    expect(Object.keys(SELECTORS).sort(), 'a selectors entry for every host folder').toEqual([...hostFolders].sort());
    const expectedViews = expectedContextsOf(host, base).map((e) => viewOf(e.url, base));
    expect(Object.keys(views).sort()).toEqual([...expectedViews].sort());
  });

  it.each(Object.keys(views))('%s', async (view) => {
    await boot(host, view.startsWith('https://') ? view : `${base}${view}`);
    const expected = views[view]!;
    expect(Object.keys(expected).sort(), 'a count for every selector, no count for a removed one').toEqual(Object.keys(selectors).sort());
    const actual = Object.fromEntries(Object.entries(selectors).map(([name, s]) => [name, document.querySelectorAll(s).length]));
    expect(actual).toEqual(expected);
  });
});
