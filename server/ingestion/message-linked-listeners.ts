import type { MessageLinkedListener } from './message-linked';
import { closeNoReplyFollowUps, serviceClockFromMail } from './thread-rule-listeners';

/** Rules that react to newly linked mail, one line each. See message-linked.ts for the contract. */
export const messageLinkedListeners: readonly MessageLinkedListener[] = [
  closeNoReplyFollowUps, // issue 4: the customer replied → the thread's no-reply follow-ups end
  serviceClockFromMail, // issue 4: inbound mail starts a logged request's clock, our reply stops it
];
