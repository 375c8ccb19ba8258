import { pinyin } from 'pinyin-pro';
import type { Romaniser } from './romaniser';

// Imported statically only by the background entrypoint; pages reach it through romaniser.ts's
// dynamic import, so the dictionary stays out of their first load.

// toneSandhi off: it only changes tones (一, 不), which are dropped anyway.
const BASE = { toneType: 'none', type: 'array', v: true, toneSandhi: false } as const;

/** pinyin-pro answers per character; keep that alignment even if a version ever merges some. */
function aligned(run: string, result: string[]): string[] {
  const chars = Array.from(run);
  if (result.length !== chars.length) return chars.map((c) => pinyin(c, BASE)[0] ?? c);
  return result.map((s, i) => (/^[a-z]+$/.test(s) ? s : chars[i]!));
}

export const pinyinRomaniser: Romaniser = {
  syllables(run, person) {
    // Whole runs, not characters: pinyin-pro picks polyphone readings from the words around them
    // (重庆 chongqing, 银行 yinhang).
    const options = person ? { ...BASE, mode: 'surname', surname: 'head' } as const : BASE;
    return aligned(run, pinyin(run, options));
  },
};
