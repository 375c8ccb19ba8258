import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Playwright's own `--disable-features=...` default switch, read from the installed
 * playwright-core so it keeps working when Playwright changes the list (DESIGN.md, testing:
 * the switch turns ThirdPartyStoragePartitioning off, which leaves the extension iframe in a web
 * page without IndexedDB on this Chromium).
 */

/** What Playwright 1.65 passes (STACK.md); kept as a second candidate for ignoreDefaultArgs. */
const KNOWN_1_65 = [
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding',
  'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect', 'TcpPortRandomizationWin',
  'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch',
  'msForceBrowserSignIn', 'msEdgeUpdateLaunchServicesPreferredVersion',
];

const FEATURE_TO_RESTORE = 'ThirdPartyStoragePartitioning';

/** Parses `disabledFeatures = [ "A", // comment\n "B" ].filter(Boolean)` out of Playwright's bundle. */
export function readPlaywrightDisabledFeatures(): string[] | null {
  const require = createRequire(import.meta.url);
  const pkgDir = path.dirname(require.resolve('playwright-core/package.json'));
  const candidates = [
    'lib/server/chromium/chromiumSwitches.js',
    'lib/coreBundle.js',
    'lib/server/electron/loader.js',
  ];
  for (const rel of candidates) {
    let source: string;
    try {
      source = readFileSync(path.join(pkgDir, rel), 'utf8');
    } catch {
      continue;
    }
    const match = /disabledFeatures\s*=\s*\[([\s\S]*?)\]\s*\.filter\(Boolean\)/.exec(source);
    if (!match) continue;
    const body = match[1]!.replace(/\/\/[^\n]*/g, '');
    // A conditional entry (e.g. `opts.x && "Feature"`) cannot be reproduced exactly: give up
    // on parsing rather than guess; the known list and the IndexedDB assertion still apply.
    const entries = body.split(',').map((s) => s.trim()).filter(Boolean);
    if (!entries.every((e) => /^"[^"]*"$|^'[^']*'$/.test(e))) return null;
    return entries.map((e) => e.slice(1, -1)).filter(Boolean);
  }
  return null;
}

export interface FeatureArgs {
  /** Exact default switches for ignoreDefaultArgs (the parsed one and the known 1.65 one). */
  ignore: string[];
  /** The same list again, without ThirdPartyStoragePartitioning. */
  replacement: string;
}

export function disableFeaturesArgs(): FeatureArgs {
  const parsed = readPlaywrightDisabledFeatures();
  const lists = [parsed, KNOWN_1_65].filter((l): l is string[] => l !== null);
  const ignore = [...new Set(lists.map((l) => `--disable-features=${l.join(',')}`))];
  const kept = (parsed ?? KNOWN_1_65).filter((f) => f !== FEATURE_TO_RESTORE);
  return { ignore, replacement: `--disable-features=${kept.join(',')}` };
}
