import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Participant } from '../../../shared/schemas/host-context';
import type { Member } from '../../../shared/schemas/member';
import type { TimelineItem } from '../../../shared/schemas/timeline';
import type { OutboxEntry } from '../../local-db/db';
import type { Live } from '../../local-db/live';
import type { CreateCustomerInput } from '../../local-db/mutations/create-customer';
import type { ContextMatch } from '../../local-db/queries/match-context';
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
  rejected(): Live<OutboxEntry[]>;
  createCustomer(input: CreateCustomerInput): Promise<void>;
  addNote(customerId: string, text: string, threadId: string | null): Promise<void>;
  dismissRejected(mutationId: string): Promise<void>;
};

export const SidebarDataContext = createContext<SidebarData | null>(null);

export function useSidebarData(): SidebarData {
  const data = useContext(SidebarDataContext);
  if (!data) throw new Error('useSidebarData outside <SidebarDataContext.Provider>');
  return data;
}
