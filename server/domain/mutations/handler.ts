import { customFieldProblem, type CustomFieldValues } from '../../../shared/schemas/custom-field';
import type { Mutation, RejectionCode } from '../../../shared/schemas/sync';
import type { Repositories } from '../../storage/repositories/index';
import type { AuthedUser } from '../auth-service';

/** A refusal the client shows to the user; the transaction still commits the stored result. */
export class Rejection {
  constructor(
    readonly code: RejectionCode,
    readonly reason: string,
  ) {}
}

export type Handler<K extends Mutation['kind']> = (
  repos: Repositories,
  user: AuthedUser,
  payload: Extract<Mutation, { kind: K }>['payload'],
) => Promise<Rejection | null>;

export type Handlers = { [K in Mutation['kind']]: Handler<K> };

export async function checkCustomer(repos: Repositories, user: AuthedUser, customerId: string) {
  // Another organisation's customer gets the same answer as a missing one: nothing leaks.
  const customer = await repos.customers.get(user.orgId, customerId);
  if (!customer) return new Rejection('not_found', 'The customer does not exist.');
  if (customer.deleted) return new Rejection('not_found', 'The customer has been deleted.');
  return null;
}

export async function checkOwner(repos: Repositories, user: AuthedUser, ownerUserId: string | null | undefined) {
  if (ownerUserId === null || ownerUserId === undefined) return null;
  const [owner] = await repos.users.listByIds(user.orgId, [ownerUserId]);
  return owner ? null : new Rejection('invalid', 'The owner is not a member of this organisation.');
}

/**
 * Custom field values against the organisation's live definitions (the same check the sidebar
 * runs offline). A null removes a value and needs no definition: values of a deleted field
 * stay stored and may still be cleared.
 */
export async function checkCustomFields(repos: Repositories, user: AuthedUser, values: CustomFieldValues | undefined) {
  const set = Object.entries(values ?? {}).filter(([, value]) => value !== null);
  if (set.length === 0) return null;
  const definitions = await repos.customFieldDefinitions.listLive(user.orgId);
  for (const [key, value] of set) {
    const problem = customFieldProblem(key, value, definitions);
    if (problem) return new Rejection('invalid', `${problem[0]!.toUpperCase()}${problem.slice(1)}.`);
  }
  return null;
}

/** A customer code names one live customer of the organisation. */
export async function checkCode(
  repos: Repositories,
  user: AuthedUser,
  customerId: string,
  code: string | null | undefined,
) {
  if (code === null || code === undefined) return null;
  const holder = await repos.customers.findIdByCode(user.orgId, code);
  return holder && holder !== customerId
    ? new Rejection('conflict', `Another customer already has code ${code}.`)
    : null;
}

export function onlyAdmins(user: AuthedUser, what: string) {
  return user.role === 'admin' ? null : new Rejection('forbidden', `Only an administrator can ${what}.`);
}
