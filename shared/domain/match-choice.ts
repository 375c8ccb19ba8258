import { nameBasedId } from './derived-id';

const NAMESPACE = 'a9f0c6de-5d8b-4b5e-9f3e-6c1d2e7a8b90';

/**
 * The id of a user's remembered choice for an address, derived from user id and address key, so
 * a later choice replaces the earlier one everywhere (see derived-id).
 */
export function matchChoiceId(userId: string, addressKey: string): Promise<string> {
  return nameBasedId(NAMESPACE, [userId, addressKey]);
}
