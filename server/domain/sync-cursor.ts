import { z } from 'zod';
import { DomainError } from './errors';

/**
 * The pull cursor is opaque to clients: base64url of its fields. The organisation and user are
 * inside so a cursor kept from another server or account is recognised instead of silently
 * skipping rows; `scope` is the user's scope version (a role or department change makes the
 * cursor stale, and the replica re-downloads what the user may now see); `fresh` marks the pages
 * of a download from nothing, which need no tombstones for what was already gone when it began
 * (`freshUntil`, the log's last seq then): the replica holds nothing of that to delete. A row
 * deleted or hidden later may have come on an earlier page, so its tombstone is sent.
 */
const cursorSchema = z.object({
  v: z.literal(2),
  org: z.string(),
  user: z.string(),
  scope: z.number().int().nonnegative(),
  seq: z.number().int().nonnegative(),
  fresh: z.boolean(),
  /** Absent in cursors made before it existed: every tombstone is sent then (always safe). */
  freshUntil: z.number().int().nonnegative().optional(),
});
export type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: Omit<Cursor, 'v'>): string {
  return Buffer.from(JSON.stringify({ v: 2, ...cursor } satisfies Cursor)).toString('base64url');
}

/** A cursor of an older format (v1, before issue 7's visibility) is stale: null → reset. */
export function decodeCursor(text: string): Cursor | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if ((parsed as { v?: unknown } | undefined)?.v === 1) return null;
  const result = cursorSchema.safeParse(parsed);
  if (!result.success) {
    throw new DomainError('BAD_REQUEST', 'cursor: not a cursor returned by sync.pull; pull with cursor null to start over');
  }
  return result.data;
}
