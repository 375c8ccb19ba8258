import { addressRuleOf } from './free-mail-domains';
/**
 * One normal form for mail addresses, used by the adapter, the replica's indexes and the server,
 * so that a lookup can never miss because two tiers spelled an address differently.
 */

// Zero-width and BOM characters appear in copied names and addresses (host-dom-facts §5.1).
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060\ufeff]/g;

/**
 * What counts as a mail address, in every schema. Wider than zod's default, which refuses
 * internationalised addresses (用户@例子.中国) and even punycode TLDs (xn--fiqs8s), both real for
 * our Chinese users; narrower than zod's unicodeEmail, which lets `<b>@x.com` through.
 */
export const MAIL_ADDRESS_PATTERN =
  /^[^\s@<>()[\]\\,;:"]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}\p{N}-]{2,}$/u;

export function normaliseEmail(address: string): string {
  return address.normalize('NFKC').replace(INVISIBLE, '').trim().toLowerCase();
}

/** The domain part of an address, or null when the text is not an address. */
export function domainOf(address: string): string | null {
  const normalised = normaliseEmail(address);
  const at = normalised.lastIndexOf('@');
  if (at <= 0 || at === normalised.length - 1) return null;
  return normalised.slice(at + 1);
}

/**
 * The key two addresses share when they reach the same mailbox, used for matching only (the
 * address itself is stored and shown as written): case-insensitive, without a `+tag` where the
 * provider delivers tagged mail to the plain mailbox, without dots where Gmail ignores them.
 */
export function matchKeyOf(address: string): string {
  const normalised = normaliseEmail(address);
  const at = normalised.lastIndexOf('@');
  if (at <= 0) return normalised;
  let local = normalised.slice(0, at);
  let domain = normalised.slice(at + 1);
  const rule = addressRuleOf(domain);
  if (rule.plusTags && local.indexOf('+') > 0) local = local.slice(0, local.indexOf('+'));
  if (rule.ignoreDots) local = local.replace(/\./g, '');
  if (rule.sameAs) domain = rule.sameAs;
  return `${local}@${domain}`;
}
