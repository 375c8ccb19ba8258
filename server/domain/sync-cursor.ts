import { z } from 'zod';
import { DomainError } from './errors';

/**
 * The pull cursor is opaque to clients: base64url of {v, org, seq}. The organisation is inside so
 * a cursor kept from another server or account is recognised instead of silently skipping rows.
 */
const cursorSchema = z.object({ v: z.literal(1), org: z.string(), seq: z.number().int().nonnegative() });
export type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(orgId: string, seq: number): string {
  return Buffer.from(JSON.stringify({ v: 1, org: orgId, seq } satisfies Cursor)).toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success) {
    throw new DomainError(
      'BAD_REQUEST',
      'cursor: not a cursor returned by sync.pull; pull with cursor null to start over',
    );
  }
  return result.data;
}
