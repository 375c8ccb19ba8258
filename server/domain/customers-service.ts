import { matchCustomers, type CustomerMatch } from '../../shared/domain/customer-match';
import { matchKeyOf } from '../../shared/domain/email';
import type { Customer } from '../../shared/schemas/customer';
import type { Store } from '../storage/repositories/index';
import type { AuthedUser } from './auth-service';
import { DomainError } from './errors';
import { canSee } from './visibility';

/** Direct reads for API use; the extension reads its replica and learns of changes by sync.pull. */
export function createCustomersService(store: Store) {
  return {
    async get(user: AuthedUser, id: string): Promise<Customer> {
      const row = await store.repos.customers.get(user.orgId, id);
      // Missing, deleted and invisible look the same, so ids of other organisations reveal nothing.
      if (!row || row.deleted || !canSee(user, row)) throw new DomainError('NOT_FOUND', 'customer not found');
      const { orgId: _org, deleted: _deleted, ...customer } = row;
      return customer;
    },

    async list(user: AuthedUser, input: { limit: number; cursor?: string | null | undefined }) {
      const rows = await store.repos.customers.listPage(user.orgId, input.cursor ?? null, input.limit + 1);
      const visible = rows.slice(0, input.limit).filter((r) => canSee(user, r));
      const items: Customer[] = visible.map(({ orgId: _org, deleted: _deleted, ...c }) => c);
      const last = rows.slice(0, input.limit).at(-1);
      return { items, nextCursor: rows.length > input.limit && last ? last.id : null };
    },

    /**
     * The customers a mail address belongs to, by the shared rule (contact by match key, else
     * company domain), and the one this user picked for the address when several match.
     */
    async match(
      user: AuthedUser,
      address: string,
    ): Promise<{ matches: CustomerMatch[]; chosenCustomerId: string | null }> {
      const { repos } = store;
      const matches = await matchCustomers(address, {
        contactsByEmailKey: (key) => repos.contacts.listByEmailKey(user.orgId, key),
        customerIdsByDomain: (domain) => repos.customers.listIdsByDomain(user.orgId, domain),
      });
      const choice = await repos.matchChoices.findForUser(user.id, matchKeyOf(address));
      const chosen = choice && matches.some((m) => m.customerId === choice.customerId) ? choice.customerId : null;
      return { matches, chosenCustomerId: chosen };
    },
  };
}
export type CustomersService = ReturnType<typeof createCustomersService>;
