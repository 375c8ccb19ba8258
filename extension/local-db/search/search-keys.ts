import type { Contact } from '../../../shared/schemas/contact';
import type { Customer } from '../../../shared/schemas/customer';
import { compact, digitsOf, fold, hasHan, isHan, unitsOf } from './normalise';
import type { Romaniser } from './romaniser';

/**
 * The keys of a row's `*searchKeys` multi-entry index. Search is a PREFIX lookup of the typed
 * text (normalised by `searchQueryOf`) on these keys, so a row is found by a query that begins:
 *   - at any word of a name or short name (or any character of a Chinese name: 宝钢 finds
 *     上海宝钢集团), the rest of the name following (so "customer 12" finds "Customer 123 Ltd");
 *   - the same in pinyin without tones and as initials (baogang, bg, shanghaibaogang, shbg);
 *   - at a code, tax number, email address, email domain or domain label, or phone number
 *     (digits only; also without the country code 86).
 * Keys that are a prefix of another key of the same row are dropped: they would find nothing more.
 */

/** Longer keys are cut; the query is cut to the same length, so a long query still finds its row. */
export const MAX_KEY_LENGTH = 40;
/** A start per word or character, but only this many per text (a 200-character name: 24, not 200). */
const MAX_STARTS = 24;
/** Per row, name keys first. Measured on the bench's realistic data: customers 17 on average (max 36), contacts 6 (max 13). */
export const MAX_KEYS = 160;
/**
 * In the keys of a row with a Chinese name written before the pinyin dictionary was loaded. It
 * cannot collide with a query: queries hold only letters and digits.
 */
export const PINYIN_PENDING = '\u0001pinyin-pending';

/**
 * Company forms start no key of their own: nearly every company name has one (有限公司, Co., Ltd.),
 * so "公司" or "co" would only fill the lookup window with useless matches, and their keys are a
 * third of a Chinese company's index entries (the pull writes every one of them).
 */
const LEGAL_FORMS = new Set(
  ['有限责任公司', '股份有限公司', '有限公司', '公司', 'ltd', 'limited', 'co', 'inc', 'llc', 'gmbh', 'corp', 'corporation', 'plc', 'ag', 'sa', 'bv', 'company'],
);
const HAN_LEGAL_FORMS = [...LEGAL_FORMS].filter(hasHan).sort((a, b) => b.length - a.length);
/** Domain labels that start no key (a search for "com" should not list every customer). */
const GENERIC_LABELS = new Set(['com', 'net', 'org', 'edu', 'gov', 'co', 'cn', 'www', 'mail']);

const cut = (key: string): string => (key.length <= MAX_KEY_LENGTH ? key : Array.from(key).slice(0, MAX_KEY_LENGTH).join(''));

/** The units a key may start at: the first, and every other one not inside a company form; at most MAX_STARTS. */
function startsOf(units: string[]): number[] {
  const starts: number[] = [0];
  for (let i = 1; i < units.length && starts.length < MAX_STARTS; ) {
    if (LEGAL_FORMS.has(units[i]!)) {
      i += 1;
      continue;
    }
    const form = isHan(units[i]!) ? HAN_LEGAL_FORMS.find((f) => units.slice(i, i + f.length).join('') === f) : undefined;
    if (form) {
      i += form.length;
      continue;
    }
    starts.push(i++);
  }
  return starts;
}

/** units[i..] joined, for every start i. */
function suffixKeys(units: string[], starts: number[], out: string[]): void {
  for (const i of starts) out.push(units.slice(i).join(''));
}

/**
 * Keys of a name or short name: text, and for Chinese also pinyin and initials. The pinyin and
 * initials of the whole name also go to `heads`, for ranking (rank.ts).
 */
function nameKeys(text: string, person: boolean, romaniser: Romaniser | null, out: string[], heads: string[]): void {
  const units = unitsOf(text);
  if (units.length === 0) return;
  const starts = startsOf(units);
  suffixKeys(units, starts, out);
  if (!units.some(isHan)) return;
  if (!romaniser) {
    out.push(PINYIN_PENDING);
    return;
  }
  const syllables = romanise(units, person, romaniser);
  suffixKeys(syllables, starts, out);
  // A one-letter initials key finds nothing the pinyin key from the same unit does not.
  const initials = syllables.map((s) => Array.from(s)[0]!);
  for (const i of starts) if (i < initials.length - 1) out.push(initials.slice(i).join(''));
  heads.push(syllables.join(''), initials.join(''));
  // A polyphonic surname is also found by its everyday reading (曾伟: zengwei and cengwei).
  const plain = person && isHan(units[0]!) ? romaniser.syllables(units[0]!, false)[0] : undefined;
  if (plain && plain !== syllables[0] && /^[a-z]+$/.test(plain)) {
    const variants = [[plain, ...syllables.slice(1)].join(''), [plain[0], ...initials.slice(1)].join('')];
    out.push(...variants);
    heads.push(...variants);
  }
}

function hanRunAt(units: string[], start: number): string {
  let end = start;
  while (end < units.length && isHan(units[end]!)) end++;
  return units.slice(start, end).join('');
}

/** Units with each run of Han characters replaced by its syllables (whole runs: context decides polyphones). */
function romanise(units: string[], person: boolean, romaniser: Romaniser): string[] {
  const out: string[] = [];
  for (let i = 0; i < units.length; ) {
    if (!isHan(units[i]!)) {
      out.push(units[i++]!);
      continue;
    }
    const run = hanRunAt(units, i);
    const syllables = romaniser.syllables(run, person && i === 0);
    out.push(...syllables);
    i += Array.from(run).length;
  }
  return out;
}

/** A domain, and the domain from each further label on (mail.baosteel.com: baosteelcom too), not from com, cn…. */
function domainKeys(domain: string, out: string[]): void {
  const labels = fold(domain).split('.').filter(Boolean);
  for (let i = 0; i < labels.length - 1; i++) {
    if (i === 0 || !GENERIC_LABELS.has(labels[i]!)) out.push(compact(labels.slice(i).join('.')));
  }
  if (labels.length === 1) out.push(compact(labels[0]!));
}

function emailKeys(email: string, out: string[]): void {
  // The local part needs no key of its own: it is a prefix of the whole address's key.
  out.push(compact(email));
}

/** Digits; an international number also without its country code (and in national form, 0 + area code). */
export function phoneKeys(phone: string, out: string[]): void {
  let digits = digitsOf(phone);
  if (digits.length < 3) return;
  const international = /^\s*(\+|00)/.test(fold(phone));
  if (digits.startsWith('00')) digits = digits.slice(2);
  out.push(digits);
  if ((international || digits.length >= 12) && digits.startsWith('86') && digits.length >= 11) {
    const national = digits.slice(2);
    out.push(national);
    // Landlines are dialled at home as 0 + area code (+86 21 5888 → 021 5888); mobiles start with 1.
    if (!national.startsWith('1') && !national.startsWith('0')) out.push(`0${national}`);
  }
}

/** Drops empties, cuts, dedupes, and drops keys that are a prefix of another key; at most MAX_KEYS. */
function finish(keys: string[]): string[] {
  const cutKeys = [...new Set(keys.filter(Boolean).map(cut))].slice(0, MAX_KEYS);
  const sorted = [...cutKeys].sort();
  const redundant = new Set(sorted.filter((key, i) => sorted[i + 1]?.startsWith(key)));
  return cutKeys.filter((key) => !redundant.has(key));
}

/**
 * What a replica row carries for search: `searchKeys` (the multi-entry index) and `searchHeads`,
 * the pinyin and initials of the whole name and short names (not indexed; ranking tells "zw" =
 * 张伟 from "zw" somewhere inside a name without the dictionary).
 */
export type SearchFields = { searchKeys: string[]; searchHeads: string[] };

type CustomerKeyFields = Pick<Customer, 'name' | 'code' | 'shortNames' | 'taxNumber' | 'emailDomains'> & {
  profile?: Partial<Pick<Customer['profile'], 'phone' | 'fax'>>;
};

export function customerSearchFields(customer: CustomerKeyFields, romaniser: Romaniser | null): SearchFields {
  const keys: string[] = [];
  const heads: string[] = [];
  nameKeys(customer.name, false, romaniser, keys, heads);
  if (customer.code) {
    const units = unitsOf(customer.code);
    suffixKeys(units, units.slice(0, MAX_STARTS).map((_, i) => i), keys);
  }
  if (customer.taxNumber) keys.push(compact(customer.taxNumber));
  for (const short of customer.shortNames ?? []) nameKeys(short, false, romaniser, keys, heads);
  for (const domain of customer.emailDomains ?? []) domainKeys(domain, keys);
  for (const phone of [customer.profile?.phone, customer.profile?.fax]) if (phone) phoneKeys(phone, keys);
  return { searchKeys: finish(keys), searchHeads: [...new Set(heads.map(cut))] };
}

type ContactKeyFields = Pick<Contact, 'name' | 'emails' | 'phones'>;

export function contactSearchFields(contact: ContactKeyFields, romaniser: Romaniser | null): SearchFields {
  const keys: string[] = [];
  const heads: string[] = [];
  nameKeys(contact.name, true, romaniser, keys, heads);
  for (const email of contact.emails ?? []) emailKeys(email, keys);
  for (const phone of contact.phones ?? []) phoneKeys(phone, keys);
  return { searchKeys: finish(keys), searchHeads: [...new Set(heads.map(cut))] };
}

export const customerSearchKeys = (c: CustomerKeyFields, r: Romaniser | null): string[] => customerSearchFields(c, r).searchKeys;
export const contactSearchKeys = (c: ContactKeyFields, r: Romaniser | null): string[] => contactSearchFields(c, r).searchKeys;

/** The typed text as the key it must be a prefix of; '' = nothing to look up. */
export function searchQueryOf(text: string): string {
  return cut(compact(text));
}
