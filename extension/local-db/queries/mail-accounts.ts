import type { MailAccount } from '../../../shared/schemas/mail-account';
import type { LocalDb } from '../db';

/** This user's connected accounts with their sync health (synced, private to the user). */
export async function mailAccounts(db: LocalDb): Promise<MailAccount[]> {
  return (await db.mailAccounts.toArray()).sort((a, b) => a.provider.localeCompare(b.provider) || a.address.localeCompare(b.address));
}
