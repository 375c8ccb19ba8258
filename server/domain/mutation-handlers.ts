import { contactMutations } from './mutations/contact-mutations';
import { customFieldMutations } from './mutations/custom-field-mutations';
import { customerMutations } from './mutations/customer-mutations';
import type { Handlers } from './mutations/handler';
import { matchChoiceMutations } from './mutations/match-choice-mutations';
import { noteMutations } from './mutations/note-mutations';
import { serviceMutations } from './mutations/service-mutations';
import { visitMutations } from './mutations/visit-mutations';

export { Rejection } from './mutations/handler';

/**
 * One function per mutation kind, one file per entity under mutations/. Each checks everything
 * first and writes only when it will succeed, so a rejection never leaves a partial change
 * behind. Every write appends to the change log in the same transaction.
 */
export const mutationHandlers: Handlers = {
  ...customerMutations,
  ...contactMutations,
  ...noteMutations,
  ...matchChoiceMutations,
  ...customFieldMutations,
  // Issue 4B: service requests and complaints, visits.
  ...serviceMutations,
  ...visitMutations,
};
