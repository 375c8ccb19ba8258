import { browser } from 'wxt/browser';
import { ZodError } from 'zod';
import type { Live } from '../../local-db/live';
import { RuleRefusal } from '../../local-db/mutations/rule-refusal';
import type { SearchHit } from '../../local-db/queries/search';
import { replicaChangedSchema, type ReplicaMutation, type ReplicaQuery } from '../../messaging/replica-protocol';
import { sendToBackground } from '../../messaging/runtime-client';
import { reconnectAccount } from './reconnect';
import { retrySync } from './retry-sync';
import { serverTimelinePage } from './server-timeline';
import type { SidebarData } from './sidebar-data';

/**
 * A query answered by the background, asked again whenever it announces a change. Answers that
 * arrive out of order are dropped, so an older answer never replaces a newer one.
 */
function remoteLive<T>(request: ReplicaQuery): Live<T> {
  return {
    subscribe(next, error) {
      let latest = 0;
      let stopped = false;
      const ask = (): void => {
        const asked = ++latest;
        const fail = error ?? ((e: unknown) => console.warn('[inbox-crm]', e));
        sendToBackground({ type: 'replica-query', request }).then((answer) => {
          if (stopped || asked !== latest) return;
          // No answer at all means the background refused the request (it answers nothing then).
          if (answer === undefined) fail(new Error(`the background did not answer ${request.query}`));
          else next(answer.value as T);
        }, fail);
      };
      const onMessage = (message: unknown): undefined => {
        if (replicaChangedSchema.safeParse(message).success) ask();
        return undefined;
      };
      browser.runtime.onMessage.addListener(onMessage);
      ask();
      return () => {
        stopped = true;
        browser.runtime.onMessage.removeListener(onMessage);
      };
    },
  };
}

async function mutate(request: ReplicaMutation): Promise<void> {
  const answer = await sendToBackground({ type: 'replica-mutate', request });
  // The same ZodError the local mutation throws in local mode, so forms show the same messages.
  if (answer?.issues) throw new ZodError(answer.issues as ZodError['issues']);
  if (answer?.refused) throw new RuleRefusal(answer.refused);
  if (!answer?.ok) throw new Error('the background did not accept the change');
}

/** The fallback: the worker's replica, which the same extension origin owns (DESIGN.md). */
export function remoteSidebarData(): SidebarData {
  return {
    mode: 'remote',
    syncStatus: () => remoteLive({ query: 'sync-status' }),
    retrySync,
    matchSender: (sender) => remoteLive({ query: 'match-sender', sender }),
    matchPage: (clues, me) => remoteLive({ query: 'match-page', clues, me }),
    timeline: (customerId, limit) => remoteLive({ query: 'timeline', customerId, limit }),
    member: (id) => remoteLive({ query: 'member', id }),
    members: () => remoteLive({ query: 'members' }),
    rejected: () => remoteLive({ query: 'rejected' }),
    createCustomer: (input) => mutate({ mutation: 'create-customer', ...input }),
    addNote: (customerId, text, threadId, isPrivate = false) =>
      mutate({ mutation: 'add-note', customerId, text, sourceRef: threadId, private: isPrivate }),
    dismissRejected: (mutationId) => mutate({ mutation: 'dismiss-rejected', mutationId }),
    customer: (id) => remoteLive({ query: 'customer', id }),
    contacts: (customerId) => remoteLive({ query: 'contacts', customerId }),
    customFields: () => remoteLive({ query: 'custom-fields' }),
    lastTouch: (customerId) => remoteLive({ query: 'last-touch', customerId }),
    updateCustomer: (id, patch) => mutate({ mutation: 'update-customer', id, patch }),
    addContact: (input) => mutate({ mutation: 'add-contact', input }),
    updateContact: (id, patch) => mutate({ mutation: 'update-contact', id, patch }),
    deleteContact: (id) => mutate({ mutation: 'delete-contact', id }),
    setMatchChoice: (address, customerId) => mutate({ mutation: 'set-match-choice', address, customerId }),
    viewer: () => remoteLive({ query: 'viewer' }),
    departments: () => remoteLive({ query: 'departments' }),
    async search(text, limit) {
      const answer = await sendToBackground({ type: 'replica-query', request: { query: 'search', text, limit } });
      if (answer === undefined) throw new Error('the background did not answer search');
      return answer.value as SearchHit[];
    },
    mailAccounts: () => remoteLive({ query: 'mail-accounts' }),
    reconnect: reconnectAccount,
    // Issue 8
    serverTimelinePage,
    // Follow-ups (issue 4)
    followUps: (customerId) => remoteLive({ query: 'follow-ups', customerId }),
    board: () => remoteLive({ query: 'board' }),
    orgSettings: () => remoteLive({ query: 'org-settings' }),
    createFollowUp: (input) => mutate({ mutation: 'create-follow-up', input }),
    updateFollowUp: (id, patch, allowOverdue) => mutate({ mutation: 'update-follow-up', id, patch, allowOverdue: allowOverdue ?? false }),
    completeFollowUp: (id, input) => mutate({ mutation: 'complete-follow-up', id, input }),
    reopenFollowUp: (id) => mutate({ mutation: 'reopen-follow-up', id }),
    logInteraction: (input) => mutate({ mutation: 'log-interaction', input }),
    // Issue 4B: service requests and complaints, visits.
    serviceItems: (customerId) => remoteLive({ query: 'service-items', customerId }),
    logServiceItem: (input) => mutate({ mutation: 'log-service-item', input }),
    changeServiceItem: (id, change) => mutate({ mutation: 'change-service-item', id, change }),
    visits: (customerId) => remoteLive({ query: 'visits', customerId }),
    visitBrief: (customerId) => remoteLive({ query: 'visit-brief', customerId }),
    plannableMeetings: (customerId) => remoteLive({ query: 'plannable-meetings', customerId }),
    planVisit: (input) => mutate({ mutation: 'plan-visit', input }),
    changeVisit: (id, change) => mutate({ mutation: 'change-visit', id, change }),
  };
}
