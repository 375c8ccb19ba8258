import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import linter from 'addons-linter';
import { describe, expect, it } from 'vitest';
import { firefoxDir } from '../setup/build-extension';
import { FIREFOX_ADDON_ID } from '../../wxt.config';

// `wxt build -b firefox` (built by the e2e globalSetup) checked by Mozilla's own validator, the
// one AMO and `web-ext lint` run, and for what our code relies on in Firefox. The e2e suite
// itself runs in Chromium only.

type Message = { code: string; file?: string; message: string };
type LintResult = { errors: Message[]; warnings: Message[]; notices: Message[] };

/**
 * Warnings we accept, each for a reason: Preact's renderer has an innerHTML branch for
 * dangerouslySetInnerHTML, which no component of ours uses (test/unit/no-html-sinks.test.ts);
 * ECharts (dashboard page only) has one for its HTML tooltip, which the dashboard never uses
 * (tooltips are painted on the canvas: extension/pages/dashboard/chart.tsx);
 * zod probes `new Function` once to decide whether it may compile validators, and falls back when
 * the extension CSP forbids it (it does in MV3).
 */
const ACCEPTED_WARNINGS = new Set(['UNSAFE_VAR_ASSIGNMENT', 'DANGEROUS_EVAL']);

const manifest = () => JSON.parse(readFileSync(path.join(firefoxDir, 'manifest.json'), 'utf8')) as Record<string, any>;

describe('the Firefox build', () => {
  it('exists (wxt build -b firefox)', () => {
    expect(existsSync(path.join(firefoxDir, 'manifest.json')), `${firefoxDir}/manifest.json`).toBe(true);
  });

  it("passes Mozilla's add-ons linter with no error and only the explained warnings", async () => {
    const instance = linter.createInstance({
      config: { _: [firefoxDir], logLevel: 'fatal', stack: false, pretty: false, warningsAsErrors: false, metadata: false, output: 'none', boring: false, selfHosted: true },
      runAsBinary: false,
    });
    const result = (await instance.run()) as LintResult;
    expect(result.errors.map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`)).toEqual([]);
    expect(result.warnings.filter((m) => !ACCEPTED_WARNINGS.has(m.code)).map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`)).toEqual([]);
  }, 120_000);

  it('has what Firefox needs and none of the Chrome-only keys that break it', () => {
    const m = manifest();
    expect(m.manifest_version).toBe(3);
    expect(m.browser_specific_settings.gecko.id).toBe(FIREFOX_ADDON_ID);
    expect(m.browser_specific_settings.gecko.data_collection_permissions.required.length).toBeGreaterThan(0);
    // Firefox MV3 runs background scripts (an event page); a service_worker key alone does not start.
    expect(m.background).toEqual({ scripts: ['background.js'] });
    expect(m.side_panel).toBeUndefined();
    expect(m.permissions).not.toContain('sidePanel');
    expect(m.sidebar_action.default_panel).toBe('sidepanel.html');
    expect(m.web_accessible_resources.every((r: Record<string, unknown>) => !('use_dynamic_url' in r))).toBe(true);
    expect(m.externally_connectable).toBeUndefined();
    expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    for (const file of [m.action.default_popup, m.options_ui.page, ...m.content_scripts.flatMap((c: { js: string[] }) => c.js), 'content-scripts/portal.js']) {
      expect(existsSync(path.join(firefoxDir, file)), file).toBe(true);
    }
  });
});
