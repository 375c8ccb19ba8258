/**
 * adapter_ms_p95: how long a host adapter takes to produce the context after a navigation, on
 * each fixture host, in Chromium: the product's watcher and adapter (bundled with esbuild) run in
 * the fixture pages under their real host names, and each read is timed. Gmail: hash navigation
 * between threads; Outlook: clicks on list rows (pushState); portals: the rule pack's fixture
 * pages shown one after another as a single-page portal navigates (the first read after a full
 * page load is reported apart). Also runnable alone: `npx tsx test/bench/adapters.ts`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForPage } from './bundle-for-page';
import { chromium, type Page } from 'playwright-core';
import type { AdapterSample } from './adapter-page';
import { HOST_ROOTS, startFixtureServer, type FixtureServer } from '../support/fixture-https-server';
import { fixturesDir, makeTempDir } from '../support/paths';
import { inPage } from './in-page';
import { percentile, round } from './stats';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.env.BENCH_ADAPTER_ROUNDS ?? 20);
/** Rounds run first and not counted, as the sidebar bench does: the browser's caches warm up. */
const WARMUP_ROUNDS = 2;
const TIMEOUT_MS = 5_000;
const HELPDESK_TICKET = 'https://support.acme-helpdesk.example/tickets/4711.html';

async function launch(fixture: FixtureServer) {
  const profile = makeTempDir('adapter-bench');
  const context = await chromium.launchPersistentContext(profile.dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      `--host-resolver-rules=${[...Object.keys(HOST_ROOTS).map((h) => `MAP ${h} 127.0.0.1:${fixture.port}`), 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1'].join(', ')}`,
      `--ignore-certificate-errors-spki-list=${fixture.spki}`,
    ],
  });
  return { context, close: async () => (await context.close(), profile.cleanup()) };
}

const samplesOf = (page: Page) => inPage(page, () => (window as unknown as { __adapterBench: { samples: AdapterSample[] } }).__adapterBench.samples);

/** Navigates with `go` and waits for the context whose key is `key`; returns its read time and the navigation → context time. */
async function measure(page: Page, go: () => Promise<number>, key: string): Promise<{ readMs: number; navMs: number }> {
  const before = (await samplesOf(page)).length;
  const start = await go();
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const found = (await samplesOf(page)).slice(before).find((s) => s.key === key);
    if (found) return { readMs: found.readMs, navMs: found.at - start };
    if (Date.now() > deadline) throw new Error(`no context for ${key} within ${TIMEOUT_MS} ms`);
    await page.waitForTimeout(5);
  }
}

const now = () => performance.timeOrigin + performance.now();
type HostSamples = { readMs: number[]; navMs: number[] };

async function gmail(page: Page, source: string): Promise<HostSamples> {
  const expected = JSON.parse(readFileSync(path.join(fixturesDir, 'gmail', 'expected-contexts.json'), 'utf8')) as { hash?: string; expected: { kind: string; threadId?: string } }[];
  const threads = expected.filter((e) => e.hash && e.expected.kind === 'thread').map((e) => ({ hash: e.hash!, id: e.expected.threadId! }));
  await page.goto('https://mail.google.com/mail/u/0/#inbox');
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-rendered-hash'));
  await page.evaluate(source);
  await inPage(page, () => (window as unknown as { __adapterBench: { start(h: string, p: null): void } }).__adapterBench.start('gmail', null));
  const out: HostSamples = { readMs: [], navMs: [] };
  for (let r = 0; r < WARMUP_ROUNDS + ROUNDS; r++) {
    for (const t of threads) {
      const sample = await measure(page, () => inPage(page, (h) => ((location.hash = h), performance.timeOrigin + performance.now()), t.hash), t.id);
      if (r < WARMUP_ROUNDS) continue;
      out.readMs.push(sample.readMs);
      out.navMs.push(sample.navMs);
    }
  }
  return out;
}

async function outlook(page: Page, source: string): Promise<HostSamples> {
  const data = JSON.parse(readFileSync(path.join(fixturesDir, 'outlook', 'conversations.json'), 'utf8')) as { conversations: { convId: string; broken?: boolean }[] };
  const readable = data.conversations.filter((c) => !c.broken).map((c) => c.convId);
  await page.goto('https://outlook.office.com/mail/inbox');
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-rendered-path'));
  await page.evaluate(source);
  await inPage(page, () => (window as unknown as { __adapterBench: { start(h: string, p: null): void } }).__adapterBench.start('outlook', null));
  const out: HostSamples = { readMs: [], navMs: [] };
  for (let r = 0; r < WARMUP_ROUNDS + ROUNDS; r++) {
    for (const id of readable) {
      const click = () =>
        inPage(page, (convId) => {
          const t = performance.timeOrigin + performance.now();
          [...document.querySelectorAll<HTMLElement>('[role="option"][data-convid]')].find((row) => row.getAttribute('data-convid') === convId)!.click();
          return t;
        }, id);
      const sample = await measure(page, click, id);
      if (r < WARMUP_ROUNDS) continue;
      out.readMs.push(sample.readMs);
      out.navMs.push(sample.navMs);
    }
  }
  return out;
}

/**
 * Portals: the helpdesk page loads once (its first read, cold code, is kept apart), then the
 * pack's fixture pages are shown one after another the way a single-page portal navigates.
 */
async function portals(page: Page, source: string): Promise<HostSamples & { firstReadMs: number[] }> {
  const entries = JSON.parse(readFileSync(path.join(fixturesDir, 'portal', 'expected-contexts.json'), 'utf8')) as { url: string; file: string; pack: string | null }[];
  const pages = entries.map((e) => {
    const html = readFileSync(path.join(fixturesDir, 'portal', e.file), 'utf8');
    return { ...e, html, title: /<title>([^<]*)<\/title>/.exec(html)?.[1]?.trim() ?? '', path: `/bench${new URL(e.url).pathname}` };
  });
  const out = { readMs: [] as number[], navMs: [] as number[], firstReadMs: [] as number[] };
  for (let load = 0; load < 3; load++) {
    await page.goto(HELPDESK_TICKET);
    await page.evaluate(source);
    await inPage(page, () => (window as unknown as { __adapterBench: { start(h: string, p: string): void } }).__adapterBench.start('portal', 'helpdesk-ticket'));
    const first = (await samplesOf(page)).find((s) => s.kind === 'page');
    if (!first) throw new Error('no context after the helpdesk page loaded');
    out.firstReadMs.push(first.readMs);
  }
  for (let r = 0; r < WARMUP_ROUNDS + ROUNDS; r++) {
    for (const p of pages) {
      const show = () =>
        inPage(page, (arg) => (window as unknown as { __adapterBench: { showPage(a: string, b: string, c: string | null): number } }).__adapterBench.showPage(arg.path, arg.html, arg.pack), {
          path: p.path,
          html: p.html,
          pack: p.pack,
        });
      const sample = await measure(page, show, p.title);
      if (r < WARMUP_ROUNDS) continue;
      out.readMs.push(sample.readMs);
      out.navMs.push(sample.navMs);
    }
  }
  return out;
}

type HostSummary = { read_ms_p50: number; read_ms_p95: number; nav_to_context_ms_p95: number; samples: number };
export type AdapterBench = Record<'gmail' | 'outlook' | 'portal', HostSummary> & {
  adapter_ms_p95: number;
  /** The portal script's first read after a full page load (cold code): kept apart, not a navigation read. */
  portal_first_read_ms: number[];
};

export async function measureAdapters(log: (m: string) => void = () => undefined): Promise<AdapterBench> {
  const fixture = await startFixtureServer();
  const browser = await launch(fixture);
  try {
    const source = await bundleForPage(path.join(here, 'adapter-page.ts'));
    const page = await browser.context.newPage();
    const runs = { gmail: await gmail(page, source), outlook: await outlook(page, source), portal: await portals(page, source) };
    const summarise = (h: HostSamples): HostSummary => ({
      read_ms_p50: round(percentile(h.readMs, 50), 2),
      read_ms_p95: round(percentile(h.readMs, 95), 2),
      nav_to_context_ms_p95: round(percentile(h.navMs, 95)),
      samples: h.readMs.length,
    });
    const summary = { gmail: summarise(runs.gmail), outlook: summarise(runs.outlook), portal: summarise(runs.portal) };
    for (const [host, s] of Object.entries(summary)) log(`adapter ${host}: read p50 ${s.read_ms_p50} ms, p95 ${s.read_ms_p95} ms; navigation → context p95 ${s.nav_to_context_ms_p95} ms (${s.samples} samples)`);
    log(`adapter portal: first read after a page load ${runs.portal.firstReadMs.map((n) => round(n, 1)).join(', ')} ms`);
    return {
      ...summary,
      adapter_ms_p95: Math.max(...Object.values(summary).map((s) => s.read_ms_p95)),
      portal_first_read_ms: runs.portal.firstReadMs.map((n) => round(n, 2)),
    };
  } finally {
    await browser.close();
    await fixture.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  measureAdapters((m) => console.log(m)).then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
