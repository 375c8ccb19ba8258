import { domainOf } from '../../../shared/domain/email';
import { isFreeMailDomain } from '../../../shared/domain/free-mail-domains';
import { lookupWord, valuesOf, type EnumName } from './enum-words';
import type { ValueKind } from './targets';

/**
 * One cell's text → the value its target field takes. Shapes only (numbers, dates, closed sets,
 * lists); lengths, phone and mail syntax are then checked by the shared zod schemas, so the
 * import accepts exactly what the sidebar and the API accept.
 */
export type CellValue = string | number | boolean | string[];
export type CellResult = { ok: true; value: CellValue } | { ok: false; message: string };

// What people type into a cell to say "nothing here".
const PLACEHOLDERS = new Set(['-', '--', '—', '——', '/', '无', '空', 'n/a', 'na', 'null', 'none', '#n/a']);
export const isEmptyCell = (text: string) => text.trim() === '' || PLACEHOLDERS.has(text.trim().toLowerCase());

const ok = (value: CellValue): CellResult => ({ ok: true, value });
const fail = (message: string): CellResult => ({ ok: false, message });

const splitList = (text: string, separators: RegExp) =>
  [...new Set(text.split(separators).map((s) => s.trim()).filter((s) => s !== ''))];
const LIST_SEPARATORS = /[;；,，、|\n]+/;
const EMAIL_SEPARATORS = /[;；,，、|\s]+/;

const enumValue = (name: EnumName, text: string, what: string): CellResult => {
  const value = lookupWord(name, text);
  return value ? ok(value) : fail(`"${text}" is not a ${what} (${valuesOf(name).join(', ')})`);
};

/** Callers skip empty cells (isEmptyCell) before calling this. */
export function parseCell(kind: ValueKind, raw: string, utcOffsetMinutes: number): CellResult {
  const text = raw.trim();
  switch (kind) {
    case 'text':
    case 'owner':
      return ok(text);
    case 'list':
      return ok(splitList(text, LIST_SEPARATORS));
    case 'phones':
      return ok(splitList(text, LIST_SEPARATORS));
    case 'emails':
      return ok(splitList(text, EMAIL_SEPARATORS));
    case 'domains':
      return ok(splitList(text, EMAIL_SEPARATORS).map((d) => d.replace(/^(https?:\/\/)?(www\.)?@?/i, '').replace(/\/.*$/, '')));
    case 'companyEmail': {
      const domains: string[] = [];
      for (const address of splitList(text, EMAIL_SEPARATORS)) {
        const domain = domainOf(address);
        if (!domain || !address.includes('@')) return fail(`"${address}" is not an email address`);
        // A free-mail domain (qq.com, 163.com…) never identifies a customer: not a match key.
        if (!isFreeMailDomain(domain)) domains.push(domain);
      }
      return ok(domains);
    }
    case 'boolean': {
      const value = lookupWord('boolean', text);
      return value ? ok(value === 'true') : fail(`"${text}" is not yes or no`);
    }
    case 'number':
      return parseNumber(text);
    case 'integer': {
      const n = parseNumber(text);
      return n.ok && !Number.isInteger(n.value) ? fail(`"${text}" is not a whole number`) : n;
    }
    case 'date': {
      const date = parseDate(text);
      return date ? ok(date.date) : fail(`"${text}" is not a date such as 2024-03-15`);
    }
    case 'birthday':
      return parseBirthday(text);
    case 'instant':
      return parseInstant(text, utcOffsetMinutes);
    case 'currency': {
      const code = lookupWord('currency', text);
      if (code) return ok(code);
      return /^[a-z]{3}$/i.test(text) ? ok(text.toUpperCase()) : fail(`"${text}" is not a currency code such as CNY`);
    }
    case 'customerClass': {
      const letter = text.normalize('NFKC').replace(/\s+/g, '').replace(/(类|级)?(客户)?$|class$/i, '');
      const value = { a: 'A', b: 'B', c: 'C', 甲: 'A', 乙: 'B', 丙: 'C' }[letter.toLowerCase()];
      return value ? ok(value) : fail(`"${text}" is not a class (A, B or C)`);
    }
    case 'valueTier':
      return enumValue('valueTier', text, 'value tier');
    case 'pyramidStage':
      return enumValue('pyramidStage', text, 'pyramid stage');
    case 'relationshipStage':
      return enumValue('relationshipStage', text, 'relationship stage');
    case 'leadSource':
      return enumValue('leadSource', text, 'lead source');
    case 'buyingRole':
      return enumValue('buyingRole', text, 'buying role');
    case 'preferredChannel':
      return enumValue('preferredChannel', text, 'channel');
    case 'historyKind':
      return enumValue('historyKind', text, 'kind of interaction');
    case 'serviceType':
      return enumValue('serviceType', text, 'type of request');
    case 'serviceChannel':
      return enumValue('serviceChannel', text, 'channel');
  }
}

/** "1,234.5", "¥12,000", "12.5万" (×10,000), "3亿", "1 234" → a number. */
export function parseNumber(raw: string): CellResult {
  let text = raw.normalize('NFKC').replace(/\s+/g, '').replace(/^[¥$€£]|(元|rmb|cny|usd)$/gi, '');
  let factor = 1;
  if (text.endsWith('万')) [text, factor] = [text.slice(0, -1), 10_000];
  else if (text.endsWith('亿')) [text, factor] = [text.slice(0, -1), 100_000_000];
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(text)) return fail(`"${raw}" is not a number`);
  return ok(Math.round(Number(text) * factor * 1e6) / 1e6);
}

const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/;

/** 2024-03-15, 2024/3/15, 2024.3.15, 2024年3月15日, optionally followed by a time. */
export function parseDate(text: string): { date: string; rest: string } | null {
  const m = DATE.exec(text.normalize('NFKC').trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  const date = `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { date, rest: text.normalize('NFKC').trim().slice(m[0].length).trim() };
}

/** A full date, or month and day only (05-17, 5/17, 5月17日) when the year is unknown. */
function parseBirthday(text: string): CellResult {
  const full = parseDate(text);
  if (full && full.rest === '') return ok(full.date);
  const m = /^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.normalize('NFKC').trim());
  const probe = m ? new Date(Date.UTC(2000, Number(m[1]) - 1, Number(m[2]))) : null;
  if (!m || !probe || probe.getUTCMonth() !== Number(m[1]) - 1) return fail(`"${text}" is not a date such as 1980-05-17 or 05-17`);
  return ok(`${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`);
}

/**
 * A moment: an ISO instant with offset as is; a date with an optional HH:MM[:SS] in the
 * importer's time zone (utcOffsetMinutes, sent by the client that picked the file).
 */
function parseInstant(text: string, utcOffsetMinutes: number): CellResult {
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(text) && !Number.isNaN(Date.parse(text))) {
    return ok(new Date(text).toISOString());
  }
  const date = parseDate(text);
  const time = date ? /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(date.rest) : null;
  if (!date || (date.rest !== '' && !time)) return fail(`"${text}" is not a date and time such as 2024-03-15 14:30`);
  const [h, min, s] = time ? [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)] : [0, 0, 0];
  if (h > 23 || min > 59 || s > 59) return fail(`"${text}" is not a date and time such as 2024-03-15 14:30`);
  const utc = Date.parse(`${date.date}T00:00:00Z`) + ((h * 60 + min - utcOffsetMinutes) * 60 + s) * 1000;
  return ok(new Date(utc).toISOString());
}
