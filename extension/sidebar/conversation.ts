import type { ComposeContext, PageContext, Participant, ThreadContext } from '../../shared/schemas/host-context';

/** A context the sidebar shows a customer for: a thread being read or a message being written. */
export type ConversationContext = ThreadContext | ComposeContext;
/** Every context with a customer: conversations and approved portal pages. */
export type CustomerContext = ConversationContext | PageContext;

/** The person the sidebar is about: the thread's customer-side sender, or the compose recipient. */
export const personOf = (context: ConversationContext): Participant | null =>
  context.kind === 'thread' ? context.sender : context.recipient;

/** Everyone in the conversation, or the addresses on the page (who may be offered as contacts). */
export function peopleOf(context: CustomerContext): Participant[] {
  if (context.kind === 'thread') return context.participants;
  if (context.kind === 'compose') return context.recipients;
  return context.clues.filter((c) => c.kind === 'email').map((c) => ({ email: c.value, name: '', role: 'to' as const }));
}

/** The thread a note is about, for its source reference (none on a portal page). */
export const threadIdOf = (context: CustomerContext): string | null => (context.kind === 'page' ? null : context.threadId);
