import Dexie, { type EntityTable } from 'dexie';
import type { CustomFieldDefinition } from '../../shared/schemas/custom-field';
import type { Department } from '../../shared/schemas/department';
import type { FollowUp } from '../../shared/schemas/follow-up';
import type { MailAccount } from '../../shared/schemas/mail-account';
import type { MatchChoice } from '../../shared/schemas/match-choice';
import type { Member } from '../../shared/schemas/member';
import type { OrgSettings } from '../../shared/schemas/org-settings';
import type { ServiceItem } from '../../shared/schemas/service-item';
import type { Entity, Mutation, PulledChange, RejectionCode } from '../../shared/schemas/sync';
import type { TimelineItem } from '../../shared/schemas/timeline';
import type { Visit } from '../../shared/schemas/visit';
import { upgradeToVersion2 } from './upgrades/version-2';
import { upgradeToVersion8 } from './upgrades/version-8';
import type { LocalContact, LocalCustomer } from './local-rows';

export const DB_NAME = 'inbox-crm';

/** A mutation waiting to be pushed (pending) or refused by the server (rejected, shown to the user). */
export type OutboxEntry = {
  /** = mutation.id (uuid v7), so primary-key order is creation order. */
  id: string;
  /** The row the mutation changes optimistically; a pull never overwrites it while pending. */
  entityId: string;
  entity: Entity;
  mutation: Mutation;
  status: 'pending' | 'rejected';
  code?: RejectionCode;
  reason?: string;
  /** The server's newest change to this row, pulled while the entry was pending (not applied). */
  serverChange?: PulledChange;
  /** For an edit: the local row before it, restored if the server refuses the edit; null = there was none. */
  previousRow?: unknown;
  /** Other rows the change wrote optimistically (e.g. the follow-ups a complaint's step makes). */
  sideRows?: SideRow[];
  createdAt: string;
};

/**
 * A row a change wrote besides its own (rule-made follow-ups, a held visit's timeline item, the
 * customer's newest need). When the server refuses the change, dismissing it puts `before` back
 * (or removes a row that did not exist), but only while the row is still exactly `after`: a
 * pulled server copy of it stays.
 */
export type SideRow = { table: ReplicaTable; id: string; before: unknown | null; after: unknown };

export type MetaRow = { key: string; value: unknown };

export type LocalDb = Dexie & {
  customers: EntityTable<LocalCustomer, 'id'>;
  contacts: EntityTable<LocalContact, 'id'>;
  timeline: EntityTable<TimelineItem, 'id'>;
  members: EntityTable<Member, 'id'>;
  matchChoices: EntityTable<MatchChoice, 'id'>;
  customFields: EntityTable<CustomFieldDefinition, 'id'>;
  followUps: EntityTable<FollowUp, 'id'>;
  serviceItems: EntityTable<ServiceItem, 'id'>;
  visits: EntityTable<Visit, 'id'>;
  orgSettings: EntityTable<OrgSettings, 'id'>;
  mailAccounts: EntityTable<MailAccount, 'id'>;
  departments: EntityTable<Department, 'id'>;
  outbox: EntityTable<OutboxEntry, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
};

/** The replica tables a pull writes and a reset clears (the outbox and meta are not replica). */
export const REPLICA_TABLES = [
  'customers',
  'contacts',
  'timeline',
  'members',
  'matchChoices',
  'customFields',
  'followUps',
  'serviceItems',
  'visits',
  'orgSettings',
  // Issue 5
  'mailAccounts',
  // Issue 7
  'departments',
] as const;
export type ReplicaTable = (typeof REPLICA_TABLES)[number];
export const TABLE_OF_ENTITY: Record<Entity, ReplicaTable> = {
  customer: 'customers',
  contact: 'contacts',
  timelineItem: 'timeline',
  member: 'members',
  matchChoice: 'matchChoices',
  customField: 'customFields',
  followUp: 'followUps',
  serviceItem: 'serviceItems',
  visit: 'visits',
  orgSettings: 'orgSettings',
  // Issue 5
  mailAccount: 'mailAccounts',
  // Issue 7
  department: 'departments',
};

/**
 * Schema versions only append (house rule 7): a change is a new `db.version(n)` with an upgrade
 * and a test, never an edit of version 1. `upTo` stops at an older version, so each upgrade's
 * test checks that one step (a later version may rewrite the replica again).
 */
export function createLocalDb(name: string = DB_NAME, upTo = Infinity): LocalDb {
  const db = new Dexie(name) as LocalDb;
  db.version(1).stores({
    customers: 'id, name, *emailDomains',
    contacts: 'id, customerId, *emails',
    timeline: 'id, customerId, [customerId+occurredAt]',
    members: 'id',
    outbox: 'id, entityId, status',
    meta: 'key',
  });
  // Issue 3: the full customer file. emailKeys = match keys of a contact's addresses
  // (shared/domain/email matchKeyOf); searchKeys = the prefixes search looks up (local-rows).
  // Indexes nothing queries are dropped (customers.name, contacts.emails: matching uses
  // emailKeys, search covers names, codes and tax numbers): every index entry is written by the
  // pull, and the search keys already make it the most index-heavy write of the replica.
  if (upTo < 2) return db;
  db.version(2)
    .stores({
      customers: 'id, *emailDomains, *searchKeys',
      contacts: 'id, customerId, *emailKeys, *searchKeys',
      matchChoices: 'id, addressKey',
      customFields: 'id, key',
    })
    .upgrade(upgradeToVersion2);
  // Issue 4: follow-ups (boards and the overdue badge read one owner's open ones by due time;
  // "close when the customer replies" finds them by watched thread), service items (by thread,
  // for "our reply is the first reply"), visits, and the organisation's rules. New tables only:
  // nothing to upgrade, and the server has no older rows of them to send.
  if (upTo < 3) return db;
  db.version(3).stores({
    followUps: 'id, customerId, [ownerUserId+status+dueAt], replyWatch.threadRef',
    serviceItems: 'id, customerId, threadRef',
    visits: 'id, customerId, plannedAt',
    orgSettings: 'id',
  });
  // Issue 5 (versions 3 and 5 belong to issues 4 and 6): this user's connected mail and calendar
  // accounts with their sync health. Imported mail reaches the existing timeline table; its new
  // `imported` field needs no index and no upgrade (older rows simply have none).
  if (upTo < 4) return db;
  db.version(4).stores({ mailAccounts: 'id' });
  // Issue 7 (versions 5-7 are reserved for issues 6 and 4): departments, and a fresh start
  // under per-customer visibility (upgrades/version-8.ts).
  if (upTo < 8) return db;
  db.version(8)
    .stores({ departments: 'id' })
    .upgrade(upgradeToVersion8);
  return db;
}

let shared: LocalDb | undefined;

/** The one database of this extension origin (sidebar, options, popup and worker share it). */
export function getLocalDb(): LocalDb {
  shared ??= createLocalDb();
  return shared;
}
