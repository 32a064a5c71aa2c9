import type { Db } from '../../db/client';
import { AppError } from '../errors';

/** The note, when the user wrote it: only the author changes or archives a note. */
export async function findOwnNote(db: Db, noteId: string, userId: string) {
  const note = await db.note.findUnique({ where: { id: noteId } });
  if (!note || note.archivedAt) throw new AppError('NOT_FOUND', `Note ${noteId} does not exist`);
  if (note.authorId !== userId) throw new AppError('FORBIDDEN', 'Only the author can change a note');
  return note;
}
