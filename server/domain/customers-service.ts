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
  };
}
export type CustomersService = ReturnType<typeof createCustomersService>;
