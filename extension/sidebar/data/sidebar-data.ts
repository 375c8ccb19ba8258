import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Contact, ContactPatch } from '../../../shared/schemas/contact';
import type { CustomFieldDefinition } from '../../../shared/schemas/custom-field';
import type { Customer, CustomerPatch } from '../../../shared/schemas/customer';
import type { MailAccount } from '../../../shared/schemas/mail-account';
import type { AccessViewer } from '../../../shared/domain/access';
import type { Department } from '../../../shared/schemas/department';
import type { Clue, Participant } from '../../../shared/schemas/host-context';
import type { Member } from '../../../shared/schemas/member';
import type { FollowUp, FollowUpPatch } from '../../../shared/schemas/follow-up';
import type { OrgSettingsFields } from '../../../shared/schemas/org-settings';
import type { TimelineItem } from '../../../shared/schemas/timeline';
import type { TimelinePage, TimelinePageRequest } from '../../../shared/schemas/timeline-page';
import type { ImportResult } from '../../messaging/import-protocol';
import type { OutboxEntry } from '../../local-db/db';
import type { Live } from '../../local-db/live';
import type { AddContactInput } from '../../local-db/mutations/add-contact';
import type { CreateCustomerInput } from '../../local-db/mutations/create-customer';
import type { CreateFollowUpInput } from '../../local-db/mutations/create-follow-up';
import type { LogInteractionInput } from '../../local-db/mutations/log-interaction';
import type { BoardEntry } from '../../local-db/queries/board';
import type { ContextMatch } from '../../local-db/queries/match-context';
import type { PageMatch } from '../../local-db/queries/match-page';
import type { SearchHit } from '../../local-db/queries/search';
import type { SyncStatus } from '../../local-db/queries/sync-status';
import type { TimelineEntry } from '../../local-db/queries/timeline';
import type { LogServiceInput, ServiceChangeInput } from '../../local-db/mutations/service-items';
import type { PlanVisitInput, VisitChangeInput } from '../../local-db/mutations/visits';
import type { ServiceItemView } from '../../local-db/queries/service-items';
import type { VisitBrief, VisitView } from '../../local-db/queries/visits';

/**
 * Everything the sidebar reads and writes. Normally the replica in this iframe's own IndexedDB
 * (local-data); when that cannot be opened, the same queries and mutations run in the
 * background (remote-data). Components do not know which.
 */
export type SidebarData = {
  /** 'local' = IndexedDB in this frame; 'remote' = one-shot answers from the background. */
  mode: 'local' | 'remote';
  syncStatus(): Live<SyncStatus>;
  /** The sidebar opened or its status was clicked: the background syncs now if changes wait out a back-off (throttled there). */
  retrySync(): void;
  matchSender(sender: Participant): Live<ContextMatch>;
  /** The customer a portal page's clues name (issue 6); `me` = the user's address, never a clue. */
  matchPage(clues: Clue[], me: string | null): Live<PageMatch>;
  /** The newest `limit` (default 100) of the customer's timeline with its follow-ups, requests and complaints merged in, newest first. */
  timeline(customerId: string, limit?: number): Live<TimelineEntry[]>;
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
  // Follow-ups (issue 4). A due time in the past throws a ZodError (PAST_DUE_MESSAGE) unless allowOverdue.
  followUps(customerId: string): Live<FollowUp[]>;
  /** The signed-in user's open follow-ups with names, for the boards. */
  board(): Live<BoardEntry[]>;
  /** The organisation's rules (cadences, care, SLA hours, zone): the replicated row, or the defaults. */
  orgSettings(): Live<OrgSettingsFields>;
  createFollowUp(input: CreateFollowUpInput): Promise<void>;
  updateFollowUp(id: string, patch: FollowUpPatch, allowOverdue?: boolean): Promise<void>;
  completeFollowUp(id: string, input: { status: 'done' | 'skipped'; outcome: string | null; satisfaction: number | null }): Promise<void>;
  reopenFollowUp(id: string): Promise<void>;
  /** A call, email, meeting or visit logged by hand (a touch). */
  logInteraction(input: LogInteractionInput): Promise<void>;
  // Issue 4B: service requests and complaints, visits. Changes are checked by the shared rules
  // first and throw RuleRefusal with what is needed (nothing written).
  serviceItems(customerId: string): Live<ServiceItemView[]>;
  logServiceItem(input: LogServiceInput): Promise<void>;
  changeServiceItem(id: string, change: ServiceChangeInput): Promise<void>;
  visits(customerId: string): Live<VisitView[]>;
  visitBrief(customerId: string): Live<VisitBrief>;
  /** The customer's calendar meetings a visit plan can be attached to. */
  plannableMeetings(customerId: string): Live<TimelineItem[]>;
  planVisit(input: PlanVisitInput): Promise<void>;
  changeVisit(id: string, change: VisitChangeInput): Promise<void>;
  // Issue 8
  /** A page of a customer's timeline from the server (through the background), for a customer this replica does not hold yet. */
  serverTimelinePage(input: TimelinePageRequest): Promise<ImportResult<TimelinePage>>;
};

export const SidebarDataContext = createContext<SidebarData | null>(null);

export function useSidebarData(): SidebarData {
  const data = useContext(SidebarDataContext);
  if (!data) throw new Error('useSidebarData outside <SidebarDataContext.Provider>');
  return data;
}
