import { nameTolerance, namesNearlyEqual, normaliseCompanyName } from '../../../shared/domain/company-name';

/**
 * Finds near-identical company names among many without comparing every pair (10,000 rows ×
 * 50,000 customers would be 5·10⁸ comparisons). Every name is filed under itself and under each
 * one-character deletion of itself; two names within one edit (insert, delete, substitute, swap)
 * always share such a key, so a lookup only compares the few names filed under its own keys.
 *
 * Keys are 32-bit polynomial hashes computed from prefix and suffix hashes, not the deletion
 * strings themselves: building ~20 strings per name made the index cost a second per 20,000
 * names. A hash collision only adds a candidate, which the exact comparison then rejects.
 */
export class NameIndex<T> {
  private readonly byKey = new Map<number, { name: string; value: T }[]>();

  add(rawName: string, value: T): void {
    const name = normaliseCompanyName(rawName);
    if (name === '') return;
    const entry = { name, value };
    for (const key of keysOf(name)) {
      const list = this.byKey.get(key);
      if (list) list.push(entry);
      else this.byKey.set(key, [entry]);
    }
  }

  /** Values whose names are near-identical to `rawName`, in the order they were added, once each. */
  find(rawName: string): T[] {
    const name = normaliseCompanyName(rawName);
    if (name === '') return [];
    const seen = new Set<{ name: string; value: T }>();
    const found: T[] = [];
    for (const key of keysOf(name)) {
      for (const entry of this.byKey.get(key) ?? []) {
        if (seen.has(entry)) continue;
        seen.add(entry);
        if (namesNearlyEqual(name, entry.name) && !found.includes(entry.value)) found.push(entry.value);
      }
    }
    return found;
  }
}

const BASE = 0x01000193;
const SMI = 0x3fffffff;

/** Hash of the name, then (where one edit is tolerated) of each one-code-unit deletion. */
function keysOf(name: string): number[] {
  const n = name.length;
  const pre = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) pre[i + 1] = Math.imul(pre[i]!, BASE) + name.charCodeAt(i);
  // Keys kept to 30 bits: V8 stores those as small integers, which a Map hashes fastest.
  if (nameTolerance(name, name) === 0) return [pre[n]! & SMI];
  // suf[i] = hash of name[i..n); pow[k] = BASE^k, so hash(a + b) = hash(a)·BASE^|b| + hash(b).
  const suf = new Int32Array(n + 1);
  const pow = new Int32Array(n + 1);
  pow[0] = 1;
  for (let k = 1; k <= n; k++) pow[k] = Math.imul(pow[k - 1]!, BASE);
  for (let i = n - 1; i >= 0; i--) suf[i] = Math.imul(name.charCodeAt(i), pow[n - 1 - i]!) + suf[i + 1]!;
  const keys = [pre[n]! & SMI];
  for (let i = 0; i < n; i++) keys.push((Math.imul(pre[i]!, pow[n - 1 - i]!) + suf[i + 1]!) & SMI);
  return keys;
}
