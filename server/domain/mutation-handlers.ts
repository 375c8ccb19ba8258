import { contactMutations } from './mutations/contact-mutations';
import { customFieldMutations } from './mutations/custom-field-mutations';
import { customerMutations } from './mutations/customer-mutations';
import { followUpMutations } from './mutations/follow-up-mutations';
import type { Handlers } from './mutations/handler';
import { interactionMutations } from './mutations/interaction-mutations';
import { matchChoiceMutations } from './mutations/match-choice-mutations';
import { noteMutations } from './mutations/note-mutations';
import { orgSettingsMutations } from './mutations/org-settings-mutations';
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
  // Issue 4A: follow-ups, logged touches, organisation settings.
  ...followUpMutations,
  ...interactionMutations,
  ...orgSettingsMutations,
  // Issue 4B: service requests and complaints, visits.
  ...serviceMutations,
  ...visitMutations,
};
