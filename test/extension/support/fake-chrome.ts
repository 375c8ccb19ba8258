import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * Import FIRST in a test file that runs extension code calling `browser.*`: wxt/browser binds
 * `globalThis.browser ?? chrome` when it is first evaluated. WXT's in-memory fake covers storage,
 * runtime and tabs; APIs it does not implement (permissions, scripting) throw, so tests pass
 * those in explicitly, and the real ones are exercised in Chromium (test/e2e).
 */
Object.assign(globalThis, { chrome: fakeBrowser, browser: fakeBrowser });

export { fakeBrowser };
