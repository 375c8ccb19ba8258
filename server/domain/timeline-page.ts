import { atLeast, customerAccess, SERVICE_TIMELINE_KINDS } from '../../shared/domain/access';
import type { TimelinePage } from '../../shared/schemas/timeline-page';
import type { TimelineKind } from '../../shared/schemas/timeline';
import type { Store } from '../storage/repositories/index';
import type { AuthedUser } from './auth-service';
import { DomainError } from './errors';
import { bodyVisibleTo, MAX_SYNCED_BODY_CHARS, timelineItemAsSeen } from './imported-view';
import { decodeTimelineCursor, encodeTimelineCursor } from './timeline-cursor';

type PageInput = { customerId: string; cursor?: string | null | undefined; limit: number; kinds?: TimelineKind[] | undefined };

/**
 * One page of a customer's timeline as this user may see it, newest first: the same access rule
 * as the pull (shared/domain/access.ts through timelineItemAsSeen), so a page never shows what
 * the replica would not hold. A customer the user may not see is "not found", like a missing one.
 */
export async function timelinePage(store: Store, user: AuthedUser, input: PageInput): Promise<TimelinePage> {
  const { repos } = store;
  const facts = (await repos.customers.accessFacts(user.orgId, [input.customerId])).get(input.customerId);
  const access = facts && !facts.deleted ? customerAccess(user, facts) : 'none';
  if (access === 'none') throw new DomainError('NOT_FOUND', 'customer not found');

  const kinds = input.kinds ? [...new Set(input.kinds)] : null;
  const scope = { orgId: user.orgId, customerId: input.customerId, kinds };
  const after = input.cursor ? decodeTimelineCursor(input.cursor, scope) : null;
  // Narrowing in SQL by what the rule decides on keeps pages full; the rule below still judges each row.
  const othersKinds = atLeast(access, 'shared') ? null : SERVICE_TIMELINE_KINDS;
  const fetched = await repos.timelinePage.page(user.orgId, input.customerId, after, { viewerId: user.id, kinds, othersKinds }, input.limit + 1);
  const page = fetched.slice(0, input.limit);
  const copies = await repos.importedItems.readableOf(
    user.id,
    page.filter(({ row }) => bodyVisibleTo(user.id, row)).map(({ row }) => row.id),
    MAX_SYNCED_BODY_CHARS,
  );
  const items = page.flatMap(({ row: { orgId: _o, deleted: _d, ...row } }) => timelineItemAsSeen(user, row, access, copies) ?? []);
  const last = page.at(-1);
  return { items, nextCursor: fetched.length > input.limit && last ? encodeTimelineCursor(scope, last.position) : null };
}
