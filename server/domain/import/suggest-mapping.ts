import type { CustomFieldDefinition } from '../../../shared/schemas/custom-field';
import { IGNORE_COLUMN, type BaseTarget, type ColumnTarget, type ImportMapping, type ImportPass } from '../../../shared/schemas/import';
import { GENERIC_HEADERS, HEADER_SYNONYMS, headerKey, withoutRemark, type GenericHeader } from './header-synonyms';
import { MULTI_COLUMN_KINDS, TARGETS, isBaseTarget, targetsOfPass } from './targets';

type Guess = ColumnTarget | GenericHeader;

const index = new Map<string, Guess>();
for (const [target, words] of Object.entries(HEADER_SYNONYMS) as [BaseTarget, string[]][]) {
  for (const w of words) if (!index.has(headerKey(w))) index.set(headerKey(w), target);
}
for (const [generic, words] of Object.entries(GENERIC_HEADERS) as [GenericHeader, readonly string[]][]) {
  for (const w of words) if (!index.has(headerKey(w))) index.set(headerKey(w), generic);
}

/** Words inside a longer header that still say what it is ("联系人手机号", "Primary Email"). */
const CONTAINS: [RegExp, Guess][] = [
  [/(联系人|contact).*(邮箱|邮件|email|mail)|(邮箱|email).*(联系人|contact)/, 'contact.emails'],
  [/(联系人|contact).*(电话|手机|phone|mobile|tel)/, 'contact.phones'],
  [/(公司|单位|企业|company).*(电话|phone)/, 'customer.profile.phone'],
  [/(公司|单位|企业|company).*(邮箱|email)/, 'customer.email'],
  [/邮箱|电子邮件|email|mail/, 'email'],
  [/手机|电话|phone|mobile|tel/, 'phone'],
  [/税号|纳税人|信用代码|taxid|taxnumber/, 'customer.taxNumber'],
  [/地址|address/, 'customer.profile.address'],
  [/网址|网站|website/, 'customer.profile.website'],
  [/负责人|业务员|owner/, 'customer.owner'],
];

function guess(header: string, customByKey: Map<string, string>): Guess | null {
  for (const text of [header, withoutRemark(header)]) {
    const key = headerKey(text);
    const custom = customByKey.get(key);
    if (custom) return custom as ColumnTarget;
    const known = index.get(key);
    if (known) return known;
  }
  const key = headerKey(header);
  return CONTAINS.find(([pattern]) => pattern.test(key))?.[1] ?? null;
}

/**
 * A mapping for the file's headers: each header to the field it most likely means, or ignore.
 * A field that takes one value gets the first column that names it; fields that collect values
 * (phones, emails, tags…) take every column that names them.
 */
export function suggestMapping(
  headers: readonly string[],
  pass: ImportPass,
  definitions: readonly Pick<CustomFieldDefinition, 'key' | 'label'>[],
): ImportMapping {
  const customByKey = new Map<string, string>();
  if (pass === 'master') {
    for (const d of definitions) {
      customByKey.set(headerKey(d.label), `custom.${d.key}`);
      customByKey.set(headerKey(d.key), `custom.${d.key}`);
    }
  }
  const guesses = headers.map((h) => guess(h, customByKey));
  const hasContact = guesses.includes('contact.name') || pass === 'open_items';
  const resolved: ColumnTarget[] = guesses.map((g) => {
    if (g === 'email') return hasContact ? 'contact.emails' : 'customer.email';
    if (g === 'phone') return hasContact ? 'contact.phones' : 'customer.profile.phone';
    if (g === 'notes') return pass === 'open_items' ? 'history.summary' : hasContact ? 'contact.notes' : IGNORE_COLUMN;
    // In an open-items file, "负责人" is who must do the open follow-up.
    if (g === 'customer.owner' && pass === 'open_items') return 'followUp.owner';
    return g ?? IGNORE_COLUMN;
  });
  const allowed = new Set<string>(targetsOfPass(pass));
  const taken = new Set<string>();
  const mapping: ImportMapping = {};
  headers.forEach((header, i) => {
    let target = resolved[i]!;
    if (target !== IGNORE_COLUMN && isBaseTarget(target) && !allowed.has(target)) target = IGNORE_COLUMN;
    const single = target !== IGNORE_COLUMN && !(isBaseTarget(target) && MULTI_COLUMN_KINDS.has(TARGETS[target].kind));
    if (single && taken.has(target)) target = IGNORE_COLUMN;
    taken.add(target);
    mapping[header] = target;
  });
  return mapping;
}
