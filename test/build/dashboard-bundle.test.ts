import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionDir } from '../setup/build-extension';

// Issue 9: the chart library lives on the dashboard page only (content scripts run inside every
// mail tab and stay small; test/bench/sizes.ts measures them), and what the page loads never
// compiles code from text (MV3's CSP forbids it; zod's one probe is the known exception).

const ECHARTS_MARK = '_echarts_instance_';
const read = (file: string) => readFileSync(path.join(extensionDir, file), 'utf8');

/** The scripts an extension page loads: its <script src> and modulepreload links. */
function pageScripts(html: string): string[] {
  const refs = [...read(html).matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]!);
  return refs.map((ref) => ref.replace(/^\//, ''));
}

describe('the dashboard bundle', () => {
  it('keeps ECharts out of every content script and every other page', () => {
    const contentScripts = readdirSync(path.join(extensionDir, 'content-scripts')).filter((f) => f.endsWith('.js'));
    expect(contentScripts.length).toBeGreaterThan(0);
    for (const file of contentScripts) expect(read(`content-scripts/${file}`).includes(ECHARTS_MARK), file).toBe(false);
    for (const html of ['sidebar.html', 'popup.html', 'options.html']) {
      for (const script of pageScripts(html)) expect(read(script).includes(ECHARTS_MARK), `${html} → ${script}`).toBe(false);
    }
    expect(pageScripts('dashboard.html').some((script) => read(script).includes(ECHARTS_MARK))).toBe(true);
  });

  it('has no eval and no new Function in the dashboard’s own chunk', () => {
    const [entry] = pageScripts('dashboard.html');
    expect(entry).toMatch(/dashboard-/);
    const source = read(entry!);
    expect(source).not.toMatch(/\beval\(|new Function\(/);
  });
});
