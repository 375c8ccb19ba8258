import type { LocalDb } from '../db';
import type { LocalCustomer } from '../local-rows';

/** One customer of the replica, or null (deleted by a pull, or never seen). */
export async function customerById(db: LocalDb, id: string): Promise<LocalCustomer | null> {
  return (await db.customers.get(id)) ?? null;
}
