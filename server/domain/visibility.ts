import type { Role } from '../../shared/schemas/member';

export type Viewer = { id: string; orgId: string; role: Role };

/**
 * The single seam for "may this user see this row". Today: the caller's organisation only, and
 * rows private to one user (remembered match choices) only to that user. Role-based rules
 * (DOMAIN.md "People and permissions": reps see their customers, private notes) go here, and a
 * row that stops being visible is sent as a tombstone by the pull.
 */
export function canSee(viewer: Viewer, row: { orgId: string; privateTo?: string }): boolean {
  return row.orgId === viewer.orgId && (row.privateTo === undefined || row.privateTo === viewer.id);
}

/**
 * How much of an imported mail or meeting a viewer sees (DOMAIN.md "People and permissions"):
 * everything in their own mailbox; otherwise what its owners share, where 0 = nothing,
 * 1 = that it happened (who, when), 2 = also the subject, 3 = also the body.
 */
export function importedLevelFor(viewer: Viewer, item: { orgId: string; mailboxUserIds: string[]; sharing: number }): number {
  if (item.orgId !== viewer.orgId) return 0;
  return item.mailboxUserIds.includes(viewer.id) ? 3 : item.sharing;
}
