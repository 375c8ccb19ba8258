import { customFieldProblem, type CustomFieldValues } from '../../../shared/schemas/custom-field';
import type { Mutation, RejectionCode } from '../../../shared/schemas/sync';
import type { Repositories } from '../../storage/repositories/index';
import { atLeast, customerAccess, type Access } from '../../../shared/domain/access';
import type { CustomerRow } from '../../storage/repositories/customers';
import type { AuthedUser } from '../auth-service';
import { views, writeAccess, type ScopedEntity } from '../customer-scope';

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

/**
 * The customer a change belongs to, if this user may make that change (customer-scope.ts
 * writeAccess): "not found" when they may not see the customer at all (exactly as for a
 * customer that does not exist, so ids reveal nothing), "forbidden" when they see it but their
 * access is too little. Every handler of a customer-scoped record starts with this line:
 *   const scope = await customerFor(repos, user, payload.customerId, 'followUp');
 *   if (scope instanceof Rejection) return scope;
 */
export async function customerFor(
  repos: Repositories,
  user: AuthedUser,
  customerId: string,
  entity: ScopedEntity,
): Promise<{ customer: CustomerRow; access: Access } | Rejection> {
  const seen = await seenCustomer(repos, user, customerId);
  return seen instanceof Rejection ? seen : mayWrite(seen, entity);
}

async function seenCustomer(repos: Repositories, user: AuthedUser, customerId: string) {
  const customer = await repos.customers.get(user.orgId, customerId);
  const access = customer ? customerAccess(user, customer) : 'none';
  if (!customer || access === 'none') return new Rejection('not_found', 'The customer does not exist.');
  if (customer.deleted) return new Rejection('not_found', 'The customer has been deleted.');
  return { customer, access };
}

function mayWrite<S extends { access: Access }>(seen: S, entity: ScopedEntity): S | Rejection {
  return atLeast(seen.access, writeAccess[entity])
    ? seen
    : new Rejection('forbidden', 'You can see this customer but not change it: ask its owner to share it with you.');
}

/**
 * An existing record of a customer (follow-up, request, visit), if this user may change it. A
 * record they may not see (its customer hidden, or a visit a support lead does not own) is
 * answered exactly like a missing one (same code, same words), so its id reveals nothing.
 */
export async function recordFor<E extends 'followUp' | 'serviceItem' | 'visit', R extends Parameters<(typeof views)[E]>[0]>(
  repos: Repositories,
  user: AuthedUser,
  row: R | null,
  entity: E,
  missing: string,
): Promise<{ row: R; customer: CustomerRow; access: Access } | Rejection> {
  if (!row) return new Rejection('not_found', missing);
  const seen = await seenCustomer(repos, user, row.customerId);
  const view = views[entity] as (row: R, access: Access, viewer: AuthedUser) => unknown;
  if (seen instanceof Rejection || view(row, seen.access, user) === null) return new Rejection('not_found', missing);
  const scope = mayWrite(seen, entity);
  return scope instanceof Rejection ? scope : { ...scope, row };
}

/**
 * The person a record is given to (a follow-up's, request's or visit's owner): an active member
 * whose access to its customer lets them work on it, else it would sit in a queue its owner
 * cannot open.
 */
export async function checkOwner(
  repos: Repositories,
  user: AuthedUser,
  scope: { customer: CustomerRow; entity: ScopedEntity },
  ownerUserId: string | null | undefined,
) {
  if (ownerUserId === null || ownerUserId === undefined) return null;
  const owner = await activeMember(repos, user, ownerUserId);
  if (!owner) return new Rejection('invalid', 'The owner is not an active member of this organisation.');
  return atLeast(customerAccess(owner, scope.customer), writeAccess[scope.entity])
    ? null
    : new Rejection('invalid', `${owner.displayName} cannot work on this customer: share it with them first.`);
}

/** An active member of the caller's organisation, or null. */
export async function activeMember(repos: Repositories, user: AuthedUser, userId: string) {
  const [member] = await repos.users.listByIds(user.orgId, [userId]);
  return member && member.active ? member : null;
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
