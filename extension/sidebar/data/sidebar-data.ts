import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Contact, ContactPatch } from '../../../shared/schemas/contact';
import type { CustomFieldDefinition } from '../../../shared/schemas/custom-field';
import type { Customer, CustomerPatch } from '../../../shared/schemas/customer';
import type { Participant } from '../../../shared/schemas/host-context';
import type { MailAccount } from '../../../shared/schemas/mail-account';
import type { AccessViewer } from '../../../shared/domain/access';
import type { Department } from '../../../shared/schemas/department';
import type { Member } from '../../../shared/schemas/member';
import type { TimelineItem } from '../../../shared/schemas/timeline';
import type { OutboxEntry } from '../../local-db/db';
import type { Live } from '../../local-db/live';
import type { AddContactInput } from '../../local-db/mutations/add-contact';
import type { CreateCustomerInput } from '../../local-db/mutations/create-customer';
import type { ContextMatch } from '../../local-db/queries/match-context';
import type { SearchHit } from '../../local-db/queries/search';
import type { SyncStatus } from '../../local-db/queries/sync-status';

/**
 * Everything the sidebar reads and writes. Normally the replica in this iframe's own IndexedDB
 * (local-data); when that cannot be opened, the same queries and mutations run in the
 * background (remote-data). Components do not know which.
 */
export type SidebarData = {
  /** 'local' = IndexedDB in this frame; 'remote' = one-shot answers from the background. */
  mode: 'local' | 'remote';
  syncStatus(): Live<SyncStatus>;
  matchSender(sender: Participant): Live<ContextMatch>;
  timeline(customerId: string): Live<TimelineItem[]>;
  member(id: string | null): Live<Member | null>;
  /** Everyone in the organisation (owner choices). */
  members(): Live<Member[]>;
  rejected(): Live<OutboxEntry[]>;
  createCustomer(input: CreateCustomerInput): Promise<void>;
  addNote(customerId: string, text: string, threadId: string | null, isPrivate?: boolean): Promise<void>;
  // Issue 7: who is looking (what the sidebar offers follows shared/domain/access.ts).
  viewer(): Live<AccessViewer | null>;
  departments(): Live<Department[]>;
  dismissRejected(mutationId: string): Promise<void>;
  // The customer file (issue 3). Mutations throw a ZodError for invalid values, before writing.
  customer(id: string): Live<Customer | null>;
  contacts(customerId: string): Live<Contact[]>;
  /** The organisation's custom field definitions, in the admin's order. */
  customFields(): Live<CustomFieldDefinition[]>;
  /** The newest touch on the customer's timeline (for the dormant flag), or null. */
  lastTouch(customerId: string): Live<string | null>;
  updateCustomer(id: string, patch: CustomerPatch): Promise<void>;
  addContact(input: AddContactInput): Promise<void>;
  updateContact(id: string, patch: ContactPatch): Promise<void>;
  deleteContact(id: string): Promise<void>;
  /** When several customers match `address`: remember that it is this one (per user). */
  setMatchChoice(address: string, customerId: string): Promise<void>;
  /** Customers and contacts by name, pinyin, code, email, domain, phone or tax number, best first (one-shot, per keystroke). */
  search(text: string, limit: number): Promise<SearchHit[]>;
  // Issue 5
  /** This user's connected mail/calendar accounts and their sync health. */
  mailAccounts(): Live<MailAccount[]>;
  /** Opens the provider's consent page again for a revoked account (through the background). */
  reconnect(provider: MailAccount['provider']): Promise<void>;
};

export const SidebarDataContext = createContext<SidebarData | null>(null);

export function useSidebarData(): SidebarData {
  const data = useContext(SidebarDataContext);
  if (!data) throw new Error('useSidebarData outside <SidebarDataContext.Provider>');
  return data;
}
