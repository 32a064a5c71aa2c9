import type { z } from 'zod';
import type { listNotesQuerySchema, Note } from '../../domain/notes/note.schema';
import type { Db } from '../../db/client';
import { toNoteJson } from '../../db/rows';

/** The live notes of a lead, buyer, task or offer, newest first. */
export async function listNotes(db: Db, { limit, ...target }: z.infer<typeof listNotesQuerySchema>): Promise<{ items: Note[] }> {
  const notes = await db.note.findMany({ where: { ...target, archivedAt: null }, orderBy: { createdAt: 'desc' }, take: limit, include: { author: { select: { name: true } } } });
  return { items: notes.map(toNoteJson) };
}
