/**
 * search_ms_p95: instant search over a replica of 50,000 customers and 200,000 contacts, in
 * Chromium with the built extension. Rows come from search-data.ts (60 % Chinese companies and
 * people, pinyin mail domains, codes, tax numbers, phones in mixed formats) and are written into
 * the extension origin's IndexedDB through the product's own Dexie schema and toLocalCustomer /
 * toLocalContact (bundled with esbuild — the bundler Vite and tsx already ship — and evaluated in
 * the popup page), so the keys are exactly those a pull would write. Then a person types a series
 * of searches into the popup's search box, one keystroke at a time, and for each keystroke:
 *   - query ms: the extension's own User Timing measure around the search (use-search.ts);
 *   - input → results ms: the input event to the results list carrying that text in the DOM.
 *
 * Alone: `npx tsx test/bench/search.ts` (BENCH_SKIP_BUILD=1 reuses the build; BENCH_SCALE=0.1 for a
 * quick run). `npm run bench` calls measureSearch with its own server.
 */
import { bundleForPage } from './bundle-for-page';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import buildExtension from '../setup/build-extension';
import { ExtensionBrowser } from '../support/browser';
import { startFixtureServer } from '../support/fixture-https-server';
import { ServerProcess } from '../support/server-process';
import { inPage } from './in-page';
import type { SeedOptions, SeedReport } from './search-seed-page';
import { percentile, round } from './stats';

const here = path.dirname(fileURLToPath(import.meta.url));

/** What a person types, one keystroke per prefix (a Chinese word arrives from the IME in one go). */
export const SEARCH_SERIES: string[][] = [
  ['zhangwei'],
  ['zw'],
  ['张', '张伟'],
  ['baogang'],
  ['宝', '宝钢'],
  ['shanghai'],
  ['上', '上海'],
  ['wang fang'],
  ['shbg'],
  ['northwind'],
  ['acme pacific'],
  ['na.li@'],
  ['138 0013'],
  ['+86 21'],
  ['c00012'],
  ['91310'],
  ['xyzzy'],
].map((words) => (words.length > 1 ? words : prefixes(words[0]!)));

function prefixes(text: string): string[] {
  const chars = Array.from(text);
  return chars.map((_, i) => chars.slice(0, i + 1).join('')).filter((p) => !p.endsWith(' '));
}

export type SearchBenchResult = {
  queryMs: number[];
  inputToResultsMs: number[];
  keystrokes: { text: string; queryMs: number; inputToResultsMs: number; hits: number }[];
  seed: SeedReport & { seedMs: number };
};

const seedBundle = (): Promise<string> => bundleForPage(path.join(here, 'search-seed-page.ts'));

/** Records, in the page, when each input event happened and when results for its text were in the DOM. */
async function instrument(page: Page): Promise<void> {
  await inPage(page, () => {
    const w = window as unknown as { __benchInput: Record<string, number>; __benchShown: Record<string, number> };
    w.__benchInput = {};
    w.__benchShown = {};
    document.addEventListener('input', (e) => (w.__benchInput[(e.target as HTMLInputElement).value] = performance.now()), true);
    const seen = (): void => {
      for (const el of document.querySelectorAll('[data-query]')) {
        const q = el.getAttribute('data-query')!;
        w.__benchShown[q] ??= performance.now();
      }
    };
    new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-query'] });
  });
}

/**
 * Seeds `customers` customers × `contactsPerCustomer` contacts into the replica of a signed-in
 * profile and times the search series in its popup. Returns every sample.
 */
export async function measureSearch(
  browser: ExtensionBrowser,
  options: { customers: number; contactsPerCustomer: number; ownerIds?: string[]; log?: (m: string) => void },
): Promise<SearchBenchResult> {
  const log = options.log ?? (() => undefined);
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  const box = page.locator('[data-testid="search-input"]');
  await box.waitFor({ timeout: 30_000 });

  const seedStarted = performance.now();
  await page.evaluate(await seedBundle());
  const seedOptions: SeedOptions = {
    customers: options.customers,
    contactsPerCustomer: options.contactsPerCustomer,
    ownerIds: options.ownerIds ?? [],
    batch: 2_000,
  };
  const seed = await inPage(page, (o: SeedOptions) => (window as unknown as { __benchSearchSeed(o: SeedOptions): Promise<SeedReport> }).__benchSearchSeed(o), seedOptions);
  const seedMs = performance.now() - seedStarted;
  log(
    `search: seeded ${seed.customers} customers + ${seed.contacts} contacts in ${(seedMs / 1000).toFixed(1)} s ` +
      `(keys ${(seed.keyMs / 1000).toFixed(1)} s, writes ${(seed.writeMs / 1000).toFixed(1)} s; ` +
      `keys per customer ${seed.customerKeysMean.toFixed(1)} (max ${seed.customerKeysMax}), per contact ${seed.contactKeysMean.toFixed(1)} (max ${seed.contactKeysMax}))`,
  );

  await page.reload();
  await box.waitFor({ timeout: 30_000 });
  await instrument(page);
  const keystrokes: SearchBenchResult['keystrokes'] = [];
  // The first series warms up (JIT, IndexedDB caches); the second is measured.
  for (const round of ['warm-up', 'measured'] as const) {
    for (const series of SEARCH_SERIES) {
      await box.fill('');
      for (const text of series) {
        await inPage(page, (t: string) => {
          const w = window as unknown as { __benchInput: Record<string, number>; __benchShown: Record<string, number> };
          delete w.__benchShown[t];
          delete w.__benchInput[t];
        }, text);
        await box.fill(text);
        const selector = `[data-query="${text.replace(/["\\]/g, '\\$&')}"]`;
        await page.locator(selector).first().waitFor({ timeout: 30_000 });
        if (round === 'warm-up') continue;
        const sample = await inPage(
          page,
          (t: string) => {
            const w = window as unknown as { __benchInput: Record<string, number>; __benchShown: Record<string, number> };
            const measures = performance.getEntriesByName('inbox-crm:search') as PerformanceMeasure[];
            const mine = measures.filter((m) => (m.detail as { text: string }).text === t).at(-1);
            return {
              queryMs: mine?.duration ?? Number.NaN,
              hits: (mine?.detail as { hits: number } | undefined)?.hits ?? -1,
              inputToResultsMs: w.__benchShown[t]! - w.__benchInput[t]!,
            };
          },
          text,
        );
        keystrokes.push({ text, ...sample });
      }
    }
  }
  await page.close();
  return {
    queryMs: keystrokes.map((k) => k.queryMs),
    inputToResultsMs: keystrokes.map((k) => k.inputToResultsMs),
    keystrokes,
    seed: { ...seed, seedMs },
  };
}

export function summariseSearch(result: SearchBenchResult) {
  return {
    search_ms_p50: round(percentile(result.queryMs, 50)),
    search_ms_p95: round(percentile(result.queryMs, 95)),
    search_ms_max: round(Math.max(...result.queryMs)),
    search_input_to_results_ms_p50: round(percentile(result.inputToResultsMs, 50)),
    search_input_to_results_ms_p95: round(percentile(result.inputToResultsMs, 95)),
    search_keystrokes: result.keystrokes.length,
    search_seed_s: round(result.seed.seedMs / 1000, 1),
    search_key_ms_per_row_in_browser: round(result.seed.keyMs / (result.seed.customers + result.seed.contacts), 4),
    search_keys_per_customer: round(result.seed.customerKeysMean, 1),
    search_keys_per_contact: round(result.seed.contactKeysMean, 1),
  };
}

async function main(): Promise<void> {
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  const log = (m: string) => console.log(`[bench search ${new Date().toISOString().slice(11, 19)}] ${m}`);
  if (process.env.BENCH_SKIP_BUILD !== '1') buildExtension();
  const server = await ServerProcess.start();
  const fixture = await startFixtureServer();
  const browser = await ExtensionBrowser.launch({ fixture });
  try {
    if (!server.admin) throw new Error(`the server printed no admin sign-in:\n${server.log}`);
    // Signed in to an empty organisation: the popup shows search; the rows are seeded directly.
    await browser.signIn(server.url, server.admin.email, server.admin.code);
    await browser.syncNow();
    const result = await measureSearch(browser, { customers: Math.round(50_000 * scale), contactsPerCustomer: 4, log });
    for (const k of result.keystrokes) {
      log(`${JSON.stringify(k.text).padEnd(16)} query ${k.queryMs.toFixed(1).padStart(6)} ms, input→results ${k.inputToResultsMs.toFixed(1).padStart(6)} ms, ${k.hits} hits`);
    }
    console.log(JSON.stringify(summariseSearch(result), null, 2));
  } finally {
    await browser.close().catch(() => undefined);
    await fixture.close().catch(() => undefined);
    await server.dispose().catch(() => undefined);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
