import type { z } from 'zod';
import type { listNotesQuerySchema, Note } from '../../domain/notes/note.schema';
import type { Db } from '../../db/client';
import { readLiveNotes } from '../../db/queries/note-list';
import { toNoteJson } from '../../db/rows';

/** The live notes of a lead, buyer, task or offer, newest first. */
export async function listNotes(db: Db, { limit, ...target }: z.infer<typeof listNotesQuerySchema>): Promise<{ items: Note[] }> {
  const notes = await readLiveNotes(db, target, limit);
  return { items: notes.map((note) => toNoteJson({ ...note, author: { name: note.authorName } })) };
}
