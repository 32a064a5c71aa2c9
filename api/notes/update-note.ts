import type { Note } from '../../domain/notes/note.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { recordEvent } from '../../db/writes/record-event';
import { toNoteJson } from '../../db/rows';
import { findNoteToChange } from './find-note-to-change';

/** The author's new text, marked edited, with a `note.updated` event. */
export async function updateNote(db: Db, noteId: string, body: string, actor: PublicUser): Promise<Note> {
  await findNoteToChange(db, noteId, actor, 'update');
  const note = await db.$transaction(async (tx) => {
    const updated = await tx.note.update({ where: { id: noteId }, data: { body, editedAt: new Date() }, include: { author: { select: { name: true } } } });
    await recordEvent(tx, { entityType: 'note', entityId: updated.id, action: 'updated', entity: toNoteJson(updated), actorId: actor.id });
    return updated;
  });
  return toNoteJson(note);
}
