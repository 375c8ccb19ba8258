import type { Database } from '../../../server/storage/database';
import { newSignInCode, sha256 } from '../../../server/domain/secrets';
import { newId } from './ids';

/**
 * Rows written in SQL that every schema since 0002 accepts, for upgrade tests: today's services
 * read columns an older schema does not have yet, so they cannot arrange the "before" state.
 */
export async function legacyOrg(db: Database, name: string, email: string) {
  const orgId = newId();
  const userId = newId();
  const code = newSignInCode();
  await db.query('INSERT INTO organisations (id, name) VALUES ($1, $2)', [orgId, name]);
  await db.query("INSERT INTO users (id, org_id, email, display_name, role) VALUES ($1, $2, $3, 'Admin', 'admin')", [userId, orgId, email]);
  await db.query("INSERT INTO sign_in_codes (id, user_id, code_hash, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')", [
    newId(),
    userId,
    sha256(code),
  ]);
  return { orgId, userId, email, code };
}

/** A customer as the 0002 schema stores it, with its change-log entry. */
export async function legacyCustomer(db: Database, orgId: string, name: string, ownerUserId: string | null = null): Promise<string> {
  const id = newId();
  await db.query('INSERT INTO customers (id, org_id, name, owner_user_id) VALUES ($1, $2, $3, $4)', [id, orgId, name, ownerUserId]);
  await logChange(db, orgId, 'customer', id);
  return id;
}

export async function logChange(db: Database, orgId: string, entity: string, id: string): Promise<void> {
  await db.query(
    `WITH s AS (UPDATE organisations SET last_change_seq = last_change_seq + 1 WHERE id = $1 RETURNING last_change_seq)
     INSERT INTO change_log (org_id, seq, entity, entity_id, op) SELECT $1, last_change_seq, $2, $3, 'upsert' FROM s`,
    [orgId, entity, id],
  );
}

/** A note as the 0002 schema stores it, with its change-log entry. */
export async function legacyNote(db: Database, orgId: string, customerId: string, authorUserId: string, summary: string): Promise<string> {
  const id = newId();
  await db.query(
    "INSERT INTO timeline_items (id, org_id, customer_id, kind, occurred_at, author_user_id, summary) VALUES ($1, $2, $3, 'note', now(), $4, $5)",
    [id, orgId, customerId, authorUserId, summary],
  );
  await logChange(db, orgId, 'timelineItem', id);
  return id;
}
