import type { AccessViewer } from '../../../shared/domain/access';
import type { Department } from '../../../shared/schemas/department';
import type { LocalDb } from '../db';
import { getMeta } from '../meta';

/**
 * The signed-in person as the access rule needs them (shared/domain/access.ts): the sidebar
 * offers only what the server will accept. Null until their member row has been pulled.
 */
export async function viewerOf(db: LocalDb): Promise<AccessViewer | null> {
  const session = await getMeta(db, 'session');
  const me = session ? await db.members.get(session.userId) : undefined;
  return me ? { id: me.id, role: me.role, departmentId: me.departmentId } : null;
}

export async function allDepartments(db: LocalDb): Promise<Department[]> {
  return (await db.departments.toArray()).sort((a, b) => a.name.localeCompare(b.name));
}
