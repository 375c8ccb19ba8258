/**
 * Company names compared the way a person would (import duplicate detection, DOMAIN.md "Data in
 * and out": "similar name"): case, full/half width, spaces, punctuation and legal-form suffixes
 * do not make two names different. 上海宝钢（集团）股份有限公司 and 上海宝钢集团 are one name;
 * "ACME Co., Ltd." and "Acme Inc" are one name.
 */

// Longest first: 集团股份有限公司 must go before 股份有限公司 before 有限公司.
const CHINESE_SUFFIXES = [
  '集团股份有限公司',
  '集团有限责任公司',
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '有限公司',
  '集团公司',
  '总公司',
  '集团',
  '公司',
];
const LATIN_SUFFIXES = new Set([
  'co',
  'company',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'llc',
  'plc',
  'gmbh',
  'ag',
  'kg',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'ab',
  'oy',
  'pte',
  'pty',
  'kk',
  'group',
  'holdings',
]);

const PUNCTUATION_OR_SPACE = /[\p{P}\p{S}\p{Z}\s]+/gu;

/** The comparable core of a company name; '' only for a name made of punctuation. */
export function normaliseCompanyName(name: string): string {
  const words = name.normalize('NFKC').toLowerCase().replace(PUNCTUATION_OR_SPACE, ' ').trim().split(' ');
  const full = words.join('');
  for (;;) {
    const last = words.at(-1);
    if (last === undefined) break;
    if (words.length > 1 && LATIN_SUFFIXES.has(last)) {
      words.pop();
      continue;
    }
    // 上海宝钢（集团）股份有限公司 → words 上海宝钢 / 集团 / 股份有限公司: whole-word suffixes go first.
    if (words.length > 1 && CHINESE_SUFFIXES.includes(last)) {
      words.pop();
      continue;
    }
    const suffix = CHINESE_SUFFIXES.find((s) => last.endsWith(s) && last.length > s.length);
    if (suffix) {
      words[words.length - 1] = last.slice(0, -suffix.length);
      continue;
    }
    break;
  }
  return words.join('') || full;
}

/**
 * Optimal-string-alignment distance (insert, delete, substitute, swap two neighbours), or
 * `max + 1` as soon as it must exceed `max`: comparing two long names costs O(length × max).
 */
export function editDistanceAtMost(a: string, b: string, max: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return Math.min(prev[y.length]!, max + 1);
}

/**
 * How far apart two normalised names may be and still count as near-identical: one typo, where
 * one character is a small part of the name. Latin names from 5 letters on ("siemens" /
 * "siemans"); names with Chinese characters from 8 on, because each character carries a word's
 * meaning and the distinguishing part is short: 上海宏达贸易 and 上海宏远贸易 are two companies,
 * 东方钢铁 and 东方钢材 may well be.
 */
export function nameTolerance(a: string, b: string): number {
  const shorter = Math.min([...a].length, [...b].length);
  return shorter >= (CJK.test(a) || CJK.test(b) ? 8 : 5) ? 1 : 0;
}
const CJK = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;

export function namesNearlyEqual(a: string, b: string): boolean {
  if (a === b) return true;
  return nameTolerance(a, b) > 0 && withinOneEdit(a, b);
}

/** editDistanceAtMost(a, b, 1) <= 1 in O(length) without allocating (the import compares many pairs). */
function withinOneEdit(a: string, b: string): boolean {
  if (/[\ud800-\udfff]/.test(a + b)) return editDistanceAtMost(a, b, 1) <= 1;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (l.length - s.length > 1) return false;
  let i = 0;
  while (i < s.length && s.charCodeAt(i) === l.charCodeAt(i)) i++;
  if (i === s.length) return true;
  if (s.length !== l.length) return l.startsWith(s.slice(i), i + 1);
  if (s.startsWith(l.slice(i + 1), i + 1)) return true;
  return s[i] === l[i + 1] && s[i + 1] === l[i] && s.startsWith(l.slice(i + 2), i + 2);
}
