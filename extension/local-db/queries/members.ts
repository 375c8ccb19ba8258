import type { Member } from '../../../shared/schemas/member';
import type { LocalDb } from '../db';

export async function memberById(db: LocalDb, id: string | null): Promise<Member | null> {
  if (!id) return null;
  return (await db.members.get(id)) ?? null;
}
