import { matchKeyOf } from '../../../shared/domain/email';
import { exactNameKey } from './file-customers';
import type { KnownCustomer } from './match-customers';
import type { KnownContact } from './plan-contacts';
import type { ParsedRow } from './read-rows';

/** A pass-2 row with the existing customer it belongs to. */
export type PlacedRow = ParsedRow & { known: KnownCustomer };

/**
 * Pass 2 (cut-over) rows belong to existing customers (pass 1 comes first): found by code, else
 * tax number, else exact name. Returns the customer, or why the row names none or several.
 */
export function rowCustomerFinder(known: readonly KnownCustomer[]) {
  const byCode = new Map(known.filter((k) => k.code !== null).map((k) => [k.code!, k]));
  const byTax = new Map<string, KnownCustomer[]>();
  const byName = new Map<string, KnownCustomer[]>();
  for (const k of known) {
    if (k.taxNumber !== null) byTax.set(k.taxNumber, [...(byTax.get(k.taxNumber) ?? []), k]);
    byName.set(exactNameKey(k.name), [...(byName.get(exactNameKey(k.name)) ?? []), k]);
  }
  return (keys: ParsedRow['customer']): KnownCustomer | { problem: string } => {
    const { code, taxNumber, name } = keys ?? {};
    const candidates =
      code != null ? [byCode.get(code)].filter((k) => k !== undefined)
      : taxNumber != null ? (byTax.get(taxNumber) ?? [])
      : name !== undefined ? (byName.get(exactNameKey(name)) ?? [])
      : [];
    const what = code != null ? `code ${code}` : taxNumber != null ? `tax number ${taxNumber}` : `name ${name ?? '(empty)'}`;
    if (candidates.length === 1) return candidates[0]!;
    return {
      problem:
        candidates.length === 0
          ? `no customer with ${what}: import the customers first (pass 1)`
          : `${candidates.length} customers have ${what}: use the code or tax number`,
    };
  };
}

/** The customer's contacts a row names by address (its contact columns), in the row's order. */
export function contactLinker(contacts: readonly KnownContact[]) {
  const byKey = new Map<string, KnownContact>();
  for (const c of contacts) for (const e of c.emails) byKey.set(`${c.customerId}\n${matchKeyOf(e)}`, c);
  return (row: ParsedRow, customerId: string): string[] => [
    ...new Set((row.contact?.emails ?? []).map((e) => byKey.get(`${customerId}\n${matchKeyOf(e)}`)?.id).filter((id) => id !== undefined)),
  ];
}

/**
 * Who an imported open item (follow-up, request or complaint) goes to: the member the file names,
 * else the customer's owner while still an active member, else the importing user.
 */
export function rowOwner(named: string | null, customer: KnownCustomer, activeMemberIds: ReadonlySet<string>, importerId: string): string {
  const { ownerUserId } = customer;
  return named ?? (ownerUserId && activeMemberIds.has(ownerUserId) ? ownerUserId : importerId);
}
