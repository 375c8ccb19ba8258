/**
 * Pinyin for search keys comes from pinyin-pro, whose dictionary is ~290 KB (~140 KB gzipped):
 * more than the whole sidebar, and building its tables takes ~20 ms. So nothing loads it until a
 * row with a Chinese name is about to be written, and every writer awaits `searchKeysReady()`
 * BEFORE opening its Dexie transaction, because the keys are computed synchronously inside it
 * (local-rows.ts):
 *   - the worker's pull (sync-store applyPullPage) — most writes;
 *   - local mutations in extension pages (create-customer…).
 * In pages the dynamic import is a chunk of its own, outside the sidebar's first load. A service
 * worker may not import() at run time; WXT bundles the background into one IIFE where the bundler
 * (Rolldown) inlines the import() as a lazily initialised module, `Promise.resolve().then(init)`,
 * so the worker also pays for the dictionary only when it first keys a row, not on every wake
 * (docs/performance.md: wake p50 45 → 51 ms for the bigger script; a static import cost ~20 ms
 * more per wake). The e2e search test fails if the import() ever stays a real one (the worker
 * could not key rows at all).
 * A row written while no romaniser is registered (a page that did not await, the version-2
 * upgrade running in whichever page opens the database first) gets PINYIN_PENDING among its
 * keys, and the worker completes it (complete-search-keys.ts).
 */

/**
 * Syllables of a run of Han characters, one per character (code point), lower case, no tones,
 * ü as v; a character without a reading is returned as itself. `person` = read the first
 * character as a surname (单 shan, 曾 zeng, 仇 qiu).
 */
export type Romaniser = {
  syllables(run: string, person: boolean): string[];
};

let current: Romaniser | null = null;
let loading: Promise<Romaniser | null> | null = null;

/** Registers (or, in tests, clears) the romaniser that toLocalCustomer / toLocalContact use. */
export function setRomaniser(romaniser: Romaniser | null): void {
  current = romaniser;
}

export function getRomaniser(): Romaniser | null {
  return current;
}

/** Loads the pinyin chunk once and registers it (a no-op where it is registered already); never rejects. */
export async function searchKeysReady(): Promise<void> {
  if (current) return;
  loading ??= import('./pinyin-romaniser').then(
    (m) => m.pinyinRomaniser,
    (error: unknown) => {
      // Rows are then written with PINYIN_PENDING and completed later; try again next time.
      console.warn('[inbox-crm] could not load the pinyin dictionary:', error);
      loading = null;
      return null;
    },
  );
  current ??= await loading;
}
