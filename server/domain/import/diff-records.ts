/**
 * What an import row changes on an existing record: only fields the row fills in and that
 * differ. Empty cells never clear stored values, and lists (domains, tags, phones, emails) gain
 * the new entries and keep the old ones: an import adds what the spreadsheet knows.
 */
type Bag = Record<string, unknown>;
const GROUPS = new Set(['profile', 'valueCard', 'needs', 'sensitive', 'customFields']);

export function diffRecord<P extends Bag>(
  current: Bag,
  incoming: P,
  fieldName: (path: string[]) => string,
): { patch: Partial<P>; fields: string[] } {
  const patch: Bag = {};
  const fields: string[] = [];
  for (const [key, value] of Object.entries(incoming)) {
    if (value === undefined) continue;
    const was = current[key];
    if (GROUPS.has(key) && typeof value === 'object' && value !== null) {
      const sub: Bag = {};
      for (const [subKey, subValue] of Object.entries(value as Bag)) {
        if (!same((was as Bag | undefined)?.[subKey], subValue)) {
          sub[subKey] = subValue;
          fields.push(fieldName([key, subKey]));
        }
      }
      if (Object.keys(sub).length > 0) patch[key] = sub;
    } else if (Array.isArray(value)) {
      const before = Array.isArray(was) ? (was as unknown[]) : [];
      const union = [...new Set([...before, ...value])];
      if (union.length > before.length) {
        patch[key] = union;
        fields.push(fieldName([key]));
      }
    } else if (!same(was, value)) {
      patch[key] = value;
      fields.push(fieldName([key]));
    }
  }
  return { patch: patch as Partial<P>, fields };
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
