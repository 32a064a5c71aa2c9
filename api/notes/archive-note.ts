import type { Note } from '../../domain/notes/note.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { recordEvent } from '../../db/writes/record-event';
import { toNoteJson } from '../../db/rows';
import { findOwnNote } from './find-own-note';

/** Hides the author's note, with a `note.archived` event. */
export async function archiveNote(db: Db, noteId: string, actor: PublicUser): Promise<Note> {
  await findOwnNote(db, noteId, actor.id);
  const note = await db.$transaction(async (tx) => {
    const archived = await tx.note.update({ where: { id: noteId }, data: { archivedAt: new Date() }, include: { author: { select: { name: true } } } });
    await recordEvent(tx, { entityType: 'note', entityId: archived.id, action: 'archived', entity: toNoteJson(archived), actorId: actor.id });
    return archived;
  });
  return toNoteJson(note);
}
