import type { MessageLinkedListener } from './message-linked';

/**
 * Rules that react to newly linked mail, one line each. Empty until follow-ups and the service
 * clock exist (issue 4 adds: inbound customer mail starts the service clock; a reply closes the
 * thread's "no reply" follow-ups). See message-linked.ts for the contract.
 */
export const messageLinkedListeners: readonly MessageLinkedListener[] = [];
