import { z } from 'zod';
import type { TimelineKind } from '../../shared/schemas/timeline';
import type { TimelinePosition } from '../storage/repositories/timeline-page';
import { DomainError } from './errors';

/**
 * The `timeline.page` cursor, opaque to clients: base64url of the last row's position and of
 * what was paged (organisation, customer, kinds), so a cursor carried over to another customer,
 * organisation or filter is refused instead of quietly starting somewhere else. The position
 * alone reveals nothing the page did not show.
 */
const cursorSchema = z.object({
  v: z.literal(1),
  org: z.uuid(),
  customer: z.uuid(),
  kinds: z.string().max(200),
  at: z.iso.datetime({ precision: 6 }),
  id: z.uuid(),
});

export type TimelineCursorScope = { orgId: string; customerId: string; kinds: readonly TimelineKind[] | null };

const kindsKey = (kinds: readonly TimelineKind[] | null) => (kinds ? [...kinds].sort().join(',') : '*');

export function encodeTimelineCursor(scope: TimelineCursorScope, position: TimelinePosition): string {
  const cursor: z.infer<typeof cursorSchema> = { v: 1, org: scope.orgId, customer: scope.customerId, kinds: kindsKey(scope.kinds), ...position };
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeTimelineCursor(text: string, scope: TimelineCursorScope): TimelinePosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const cursor = cursorSchema.safeParse(parsed);
  if (!cursor.success) throw new DomainError('BAD_REQUEST', 'cursor: not a cursor returned by timeline.page; ask again without a cursor');
  const { org, customer, kinds, at, id } = cursor.data;
  if (org !== scope.orgId || customer !== scope.customerId || kinds !== kindsKey(scope.kinds)) {
    throw new DomainError('BAD_REQUEST', 'cursor: made for another customer or filter; ask again without a cursor');
  }
  return { at, id };
}
