import { customerAccess, type Access } from '../../shared/domain/access';
import type { Entity, PulledChange } from '../../shared/schemas/sync';
import type { ChangeLogEntry } from '../storage/repositories/change-log';
import type { DependentEntity } from '../storage/repositories/customer-dependents';
import type { CustomerFacts } from '../storage/repositories/customers';
import type { Repositories } from '../storage/repositories/index';
import type { AuthedUser } from './auth-service';
import { toMember } from './auth-service';
import { privateTo, views } from './customer-scope';
import { mailAccountView } from '../ingestion/account-views';
import { bodyVisibleTo, MAX_SYNCED_BODY_CHARS, timelineItemAsSeen } from './imported-view';

type Upsert = Extract<PulledChange, { op: 'upsert' }>;
type Stored = { orgId: string; deleted?: boolean };
/** Drops the storage-only fields the contract does not carry. */
const bare = <R extends Stored>({ orgId: _o, deleted: _d, ...row }: R) => row;

/**
 * What one pull page sends, in three queries or so: the rows of each entity in the page, then
 * the access facts of every other customer they belong to (ONE query for the page, not one per row),
 * then each row through its entity's view (customer-scope.ts). Rows that come back null become
 * tombstones; `untold` rows (another person's private ones) are not mentioned at all.
 */
export function pullSources(repos: Repositories, user: AuthedUser) {
  return {
    async visibleRows(entries: ChangeLogEntry[]) {
      const idsOf = (entity: Entity) => entries.filter((e) => e.entity === entity).map((e) => e.entityId);
      const org = user.orgId;
      // A page usually holds two or three entities: asking the others for no ids is a round trip each.
      const rowsOf = <T>(entity: Entity, repo: { listByIds(orgId: string, ids: string[]): Promise<T[]> }): Promise<T[]> => {
        const ids = idsOf(entity);
        return ids.length === 0 ? Promise.resolve([]) : repo.listByIds(org, ids);
      };
      const [customers, contacts, items, members, choices, fields, followUps, serviceItems, visits, settings, departments, accounts] =
        await Promise.all([
          rowsOf('customer', repos.customers),
          rowsOf('contact', repos.contacts),
          rowsOf('timelineItem', repos.timelineItems),
          rowsOf('member', repos.users),
          rowsOf('matchChoice', repos.matchChoices),
          rowsOf('customField', repos.customFieldDefinitions),
          rowsOf('followUp', repos.followUps),
          rowsOf('serviceItem', repos.serviceItems),
          rowsOf('visit', repos.visits),
          rowsOf('orgSettings', repos.orgSettings),
          rowsOf('department', repos.departments),
          rowsOf('mailAccount', repos.mailAccounts),
        ]);
      const dependents = [...contacts, ...items, ...followUps, ...serviceItems, ...visits];
      // The page's own customer rows carry their access facts; only the others' are read.
      const facts = new Map<string, CustomerFacts>(customers.map((c) => [c.id, c]));
      const missing = [...new Set(dependents.map((d) => d.customerId).filter((id) => !facts.has(id)))];
      if (missing.length > 0) for (const [id, f] of await repos.customers.accessFacts(org, missing)) facts.set(id, f);
      const accessTo = (customerId: string): Access => {
        const f = facts.get(customerId);
        return f && !f.deleted ? customerAccess(user, f) : 'none';
      };
      // Mail bodies (and their own thread ids) only where the viewer may read them (their mailbox, or shared in full).
      const copies = await repos.importedItems.readableOf(
        user.id,
        items.filter((i) => !i.deleted && bodyVisibleTo(user.id, i) && accessTo(i.customerId) !== 'none').map((i) => i.id),
        MAX_SYNCED_BODY_CHARS,
      );

      const upserts = new Map<string, Upsert>();
      const untold = new Set<string>();
      const put = (change: Upsert) => upserts.set(`${change.entity}:${change.row.id}`, change);
      /** Live rows of one customer-scoped entity, as this viewer may see them. */
      const addScoped = <R extends Stored & { id: string; customerId: string }>(
        entity: DependentEntity,
        rows: R[],
        view: (row: ReturnType<typeof bare<R>>, access: Access) => object | null,
      ) => {
        for (const r of rows) {
          if (r.deleted || untold.has(`${entity}:${r.id}`)) continue;
          const row = view(bare(r), accessTo(r.customerId));
          // The view returns the row it was given (or a narrower copy): the entity still matches.
          if (row) put({ entity, op: 'upsert', row } as Upsert);
        }
      };

      for (const c of customers) {
        const row = c.deleted ? null : views.customer(bare(c), accessTo(c.id), user);
        if (row) put({ entity: 'customer', op: 'upsert', row });
      }
      for (const item of items) {
        const owner = privateTo.timelineItem(item);
        if (owner !== null && owner !== user.id) untold.add(`timelineItem:${item.id}`);
      }
      addScoped('contact', contacts, (r, a) => views.contact(r, a, user));
      addScoped('timelineItem', items, (r, a) => timelineItemAsSeen(user, r, a, copies));
      addScoped('followUp', followUps, (r, a) => views.followUp(r, a, user));
      addScoped('serviceItem', serviceItems, (r, a) => views.serviceItem(r, a, user));
      addScoped('visit', visits, (r, a) => views.visit(r, a, user));

      // Organisation-wide records: every member of the organisation sees them.
      for (const r of fields) if (!r.deleted) put({ entity: 'customField', op: 'upsert', row: bare(r) });
      for (const r of departments) if (!r.deleted) put({ entity: 'department', op: 'upsert', row: bare(r) });
      for (const r of settings) put({ entity: 'orgSettings', op: 'upsert', row: bare(r) });
      for (const m of members) put({ entity: 'member', op: 'upsert', row: toMember(m) });
      // A remembered match choice is its user's alone.
      for (const { orgId: _o, userId, ...row } of choices) {
        if (userId === user.id) put({ entity: 'matchChoice', op: 'upsert', row });
        else untold.add(`matchChoice:${row.id}`);
      }
      // A connected account and its sync health are their user's alone, like a match choice;
      // a disconnected one of theirs becomes a tombstone.
      const mine = accounts.filter((a) => a.userId === user.id);
      const channels = mine.length === 0 ? [] : await repos.syncChannels.listByAccounts(mine.map((a) => a.id));
      for (const a of accounts) if (a.userId !== user.id) untold.add(`mailAccount:${a.id}`);
      for (const a of mine) {
        const row = mailAccountView(a, channels);
        if (row) put({ entity: 'mailAccount', op: 'upsert', row });
      }
      return { upserts, untold };
    },
  };
}
