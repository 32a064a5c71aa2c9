import type { PermissionAction } from '../../domain/auth/permissions';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { AppError } from '../errors';
import { assertPermission } from '../permissions/assert-permission';

/** A live note (404 otherwise) when the permission matrix lets `user` do `action` on it: only its author rewrites it. */
export async function findNoteToChange(db: Db, noteId: string, user: PublicUser, action: PermissionAction) {
  const note = await db.note.findUnique({ where: { id: noteId } });
  if (!note || note.archivedAt) throw new AppError('NOT_FOUND', `Note ${noteId} does not exist`);
  assertPermission(user, action, { type: 'note', authorId: note.authorId });
  return note;
}
