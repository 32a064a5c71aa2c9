import type { Note } from '../../domain/notes/note.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { recordEvent } from '../../db/writes/record-event';
import { toNoteJson } from '../../db/rows';
import { findNoteToChange } from './find-note-to-change';

/** Hides a note (its author's, or any for a supervisor or an admin), with a `note.archived` event. */
export async function archiveNote(db: Db, noteId: string, actor: PublicUser): Promise<Note> {
  await findNoteToChange(db, noteId, actor, 'archive');
  const note = await db.$transaction(async (tx) => {
    const archived = await tx.note.update({ where: { id: noteId }, data: { archivedAt: new Date() }, include: { author: { select: { name: true } } } });
    await recordEvent(tx, { entityType: 'note', entityId: archived.id, action: 'archived', entity: toNoteJson(archived), actorId: actor.id });
    return archived;
  });
  return toNoteJson(note);
}
