import type { AuditListOutput } from '../../shared/schemas/audit';
import type { Store } from '../storage/repositories/index';
import type { AuthedUser } from './auth-service';
import { DomainError } from './errors';

/** The audit trail for administrators: newest first, paged, optionally one record or one person. */
export function createAuditService(store: Store) {
  return {
    async list(caller: AuthedUser, input: { cursor?: string | null | undefined; limit: number; entityId?: string | undefined; userId?: string | undefined }): Promise<AuditListOutput> {
      if (caller.role !== 'admin') throw new DomainError('FORBIDDEN', 'Only an administrator can read the audit trail.');
      const events = await store.repos.auditEvents.page(caller.orgId, {
        beforeId: input.cursor ?? null,
        limit: input.limit + 1,
        entityId: input.entityId,
        userId: input.userId,
      });
      const page = events.slice(0, input.limit);
      return { events: page, nextCursor: events.length > input.limit ? (page.at(-1)?.id ?? null) : null };
    },
  };
}
