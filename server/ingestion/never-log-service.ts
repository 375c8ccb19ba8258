import { v7 as uuidv7 } from 'uuid';
import { matchKeyOf, normaliseEmail } from '../../shared/domain/email';
import type { NeverLogAddInput, NeverLogEntry } from '../../shared/schemas/mail-account';
import { actorOf, type AuthedUser } from '../domain/auth-service';
import { DomainError } from '../domain/errors';
import type { Store } from '../storage/repositories/index';
import type { NeverLogRow } from '../storage/repositories/never-log';

const toEntry = (row: NeverLogRow): NeverLogEntry => ({
  id: row.id,
  kind: row.kind,
  value: row.value,
  scope: row.userId === null ? 'organisation' : 'personal',
  createdAt: row.createdAt,
});

/**
 * The never-log list (DOMAIN.md): mail and meetings with these addresses or domains are never
 * imported, and adding an entry removes what was already imported. Organisation-wide entries
 * (admins only) purge the items for everyone; a personal entry takes the user's own mailboxes
 * out of the items, which disappear when no other mailbox holds them.
 */
export function neverLogService(store: Store) {
  return {
    async list(user: AuthedUser): Promise<NeverLogEntry[]> {
      return (await store.repos.neverLog.listFor(user.orgId, user.id)).map(toEntry);
    },

    async add(user: AuthedUser, input: NeverLogAddInput): Promise<{ entry: NeverLogEntry; removedItems: number }> {
      if (input.scope === 'organisation' && user.role !== 'admin') {
        throw new DomainError('FORBIDDEN', 'Only an administrator can add organisation-wide never-log entries.');
      }
      const value = input.kind === 'address' ? normaliseEmail(input.value) : input.value;
      return store.transaction(async (repos) => {
        const id = uuidv7();
        const userId = input.scope === 'organisation' ? null : user.id;
        await repos.neverLog.insert({ id, orgId: user.orgId, userId, kind: input.kind, value, createdBy: user.id });
        const entry = (await repos.neverLog.listFor(user.orgId, user.id)).find(
          (e) => e.kind === input.kind && e.value === value && e.userId === userId,
        )!;
        const match = input.kind === 'address' ? { key: matchKeyOf(value) } : { domain: value };
        const itemIds = await repos.importedItems.findByParticipant(user.orgId, match);
        let removed: { updated: string[]; deleted: string[] };
        if (userId === null) {
          await repos.importedItems.purge(itemIds);
          removed = { updated: [], deleted: itemIds };
        } else {
          removed = await repos.importedItems.removeUserSources(user.id, itemIds);
        }
        await repos.changeLog.appendMany(user.orgId, [
          ...removed.updated.map((entityId) => ({ entity: 'timelineItem' as const, entityId, op: 'upsert' as const })),
          ...removed.deleted.map((entityId) => ({ entity: 'timelineItem' as const, entityId, op: 'delete' as const })),
        ]);
        return { entry: toEntry(entry), removedItems: removed.deleted.length + removed.updated.length };
      }, actorOf(user, 'mail.neverLogAdd'));
    },

    /** Removing an entry does not bring back what it removed; later mail is imported again. */
    async remove(user: AuthedUser, id: string): Promise<void> {
      const entry = await store.repos.neverLog.get(user.orgId, id);
      const mine = entry && (entry.userId === user.id || (entry.userId === null && user.role === 'admin'));
      if (!entry || (entry.userId !== null && entry.userId !== user.id)) throw new DomainError('NOT_FOUND', 'no such never-log entry');
      if (!mine) throw new DomainError('FORBIDDEN', 'Only an administrator can remove organisation-wide never-log entries.');
      await store.transaction((repos) => repos.neverLog.delete(id), actorOf(user, 'mail.neverLogRemove'));
    },
  };
}
