import type { Repositories } from '../../storage/repositories/index';
import type { AuthedUser } from '../auth-service';
import { Rejection } from './handler';

/**
 * Checks that the records a service item or visit names belong where they should: contacts to
 * the same customer, people to the organisation, a meeting to the customer's timeline. Another
 * organisation's id reads as missing, like everywhere else.
 */
export async function checkContactsOf(repos: Repositories, user: AuthedUser, customerId: string, ids: readonly (string | null)[] | undefined) {
  const wanted = [...new Set((ids ?? []).filter((id): id is string => id !== null))];
  if (wanted.length === 0) return null;
  const found = await repos.contacts.listByIds(user.orgId, wanted);
  const ok = found.length === wanted.length && found.every((c) => !c.deleted && c.customerId === customerId);
  return ok ? null : new Rejection('invalid', "A contact named here is not one of this customer's contacts.");
}

export async function checkMembers(repos: Repositories, user: AuthedUser, ids: readonly string[] | undefined) {
  const wanted = [...new Set(ids ?? [])];
  if (wanted.length === 0) return null;
  const found = await repos.users.listByIds(user.orgId, wanted);
  return found.length === wanted.length ? null : new Rejection('invalid', 'A colleague named here is not a member of this organisation.');
}

export async function checkTimelineItem(
  repos: Repositories,
  user: AuthedUser,
  customerId: string,
  id: string | null | undefined,
  kinds: readonly string[] | null,
  what: string,
) {
  if (id === null || id === undefined) return null;
  const [item] = await repos.timelineItems.listByIds(user.orgId, [id]);
  const ok = item && !item.deleted && item.customerId === customerId && (kinds === null || kinds.includes(item.kind));
  return ok ? null : new Rejection('invalid', `The ${what} is not on this customer's timeline.`);
}

/** Instants a client may send as "now": a little ahead of the server's clock, never days ahead. */
const CLOCK_SKEW_MS = 10 * 60_000;

export function isInFuture(instant: string, now = Date.now()): boolean {
  return Date.parse(instant) > now + CLOCK_SKEW_MS;
}
