import type { Member } from '../../../shared/schemas/member';
import type { LocalDb } from '../db';

/** Everyone in the organisation, by name in the UI's collation (for choosing an owner). */
export async function allMembers(db: LocalDb): Promise<Member[]> {
  return (await db.members.toArray()).sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
}

export async function memberById(db: LocalDb, id: string | null): Promise<Member | null> {
  if (!id) return null;
  return (await db.members.get(id)) ?? null;
}
