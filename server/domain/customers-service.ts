import { customerAccess } from '../../shared/domain/access';
import { matchCustomers, type CustomerMatch } from '../../shared/domain/customer-match';
import { matchKeyOf } from '../../shared/domain/email';
import type { Customer } from '../../shared/schemas/customer';
import type { Store } from '../storage/repositories/index';
import type { CustomerRow } from '../storage/repositories/customers';
import type { AuthedUser } from './auth-service';
import { views } from './customer-scope';
import { DomainError } from './errors';

/** Direct reads for API use; the extension reads its replica and learns of changes by sync.pull. */
export function createCustomersService(store: Store) {
  /** The customer as this user may see it (customer-scope.ts), or null. */
  const seen = (user: AuthedUser, row: CustomerRow): Customer | null => {
    const { orgId: _org, deleted, ...customer } = row;
    return deleted ? null : views.customer(customer, customerAccess(user, row), user);
  };
  return {
    async get(user: AuthedUser, id: string): Promise<Customer> {
      const row = await store.repos.customers.get(user.orgId, id);
      // Missing, deleted and invisible look the same, so ids of other organisations and of
      // customers this user may not see reveal nothing.
      const customer = row ? seen(user, row) : null;
      if (!customer) throw new DomainError('NOT_FOUND', 'customer not found');
      return customer;
    },

    async list(user: AuthedUser, input: { limit: number; cursor?: string | null | undefined }) {
      const rows = await store.repos.customers.listPage(user.orgId, user, input.cursor ?? null, input.limit + 1);
      const page = rows.slice(0, input.limit);
      const items = page.flatMap((r) => seen(user, r) ?? []);
      const last = page.at(-1);
      return { items, nextCursor: rows.length > input.limit && last ? last.id : null };
    },

    /**
     * The customers a mail address belongs to, by the shared rule (contact by match key, else
     * company domain), among those this user may see, and the one they picked for the address.
     */
    async match(user: AuthedUser, address: string): Promise<{ matches: CustomerMatch[]; chosenCustomerId: string | null }> {
      const { repos } = store;
      const found = await matchCustomers(address, {
        contactsByEmailKey: (key) => repos.contacts.listByEmailKey(user.orgId, key),
        customerIdsByDomain: (domain) => repos.customers.listIdsByDomain(user.orgId, domain),
      });
      const facts = await repos.customers.accessFacts(user.orgId, found.map((m) => m.customerId));
      const matches = found.filter((m) => {
        const f = facts.get(m.customerId);
        return f !== undefined && customerAccess(user, f) !== 'none';
      });
      const choice = await repos.matchChoices.findForUser(user.id, matchKeyOf(address));
      const chosen = choice && matches.some((m) => m.customerId === choice.customerId) ? choice.customerId : null;
      return { matches, chosenCustomerId: chosen };
    },
  };
}
export type CustomersService = ReturnType<typeof createCustomersService>;
