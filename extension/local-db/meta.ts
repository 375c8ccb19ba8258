import { z } from 'zod';
import type { LocalDb } from './db';

export const syncStateSchema = z.enum(['idle', 'syncing', 'offline', 'error', 'signed-out']);
export type SyncState = z.infer<typeof syncStateSchema>;

/** Who this replica belongs to; written at sign-in, gone after sign-out (the wipe). */
export const sessionInfoSchema = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/**
 * The server and the bearer token. Kept here, in the extension origin's IndexedDB, rather than in
 * storage.local, which every content script can read; a sign-out wipe removes it with the replica.
 */
export const connectionSchema = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }),
  token: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type Connection = z.infer<typeof connectionSchema>;

/** Every meta key and the schema its value must satisfy (meta is read across contexts). */
export const metaSchemas = {
  cursor: z.string().nullable(),
  syncState: syncStateSchema,
  lastSyncedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  backoffAttempt: z.number().int().nonnegative(),
  session: sessionInfoSchema.nullable(),
  connection: connectionSchema.nullable(),
} as const;
export type MetaKey = keyof typeof metaSchemas;
export type MetaValue<K extends MetaKey> = z.infer<(typeof metaSchemas)[K]>;

export async function getMeta<K extends MetaKey>(db: LocalDb, key: K): Promise<MetaValue<K> | undefined> {
  const row = await db.meta.get(key);
  if (!row) return undefined;
  const parsed = metaSchemas[key].safeParse(row.value);
  return parsed.success ? (parsed.data as MetaValue<K>) : undefined;
}

export async function setMeta<K extends MetaKey>(db: LocalDb, key: K, value: MetaValue<K>): Promise<void> {
  await db.meta.put({ key, value });
}

export async function setMetas(db: LocalDb, values: { [K in MetaKey]?: MetaValue<K> }): Promise<void> {
  await db.meta.bulkPut(Object.entries(values).map(([key, value]) => ({ key, value })));
}
