import type { ComposeContext, Participant, ThreadContext } from '../../shared/schemas/host-context';

/** A context the sidebar shows a customer for: a thread being read or a message being written. */
export type ConversationContext = ThreadContext | ComposeContext;

/** The person the sidebar is about: the thread's customer-side sender, or the compose recipient. */
export const personOf = (context: ConversationContext): Participant | null =>
  context.kind === 'thread' ? context.sender : context.recipient;

/** Everyone in the conversation (who may be offered as contacts). */
export const peopleOf = (context: ConversationContext): Participant[] =>
  context.kind === 'thread' ? context.participants : context.recipients;
