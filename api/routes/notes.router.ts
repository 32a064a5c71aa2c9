import { Router } from 'express';
import { createNoteInputSchema, listNotesQuerySchema, updateNoteInputSchema } from '../../domain/notes/note.schema';
import type { Db } from '../../db/client';
import { recordEvent } from '../../db/writes/record-event';
import { saveNote } from '../../db/writes/save-note';
import { toNoteJson } from '../../db/rows';
import { currentUser } from '../auth/require-user';
import { AppError } from '../errors';
import { findAttachmentTarget } from '../record-target';
import { parseInput } from '../validate';

export function createNotesRouter({ db }: { db: Db }) {
  const router = Router();

  router.post('/', async (req, res) => {
    const input = parseInput(createNoteInputSchema, req.body);
    const { body: _body, ...targets } = input;
    await findAttachmentTarget(db, targets);
    const actor = currentUser(res);
    const note = await db.$transaction((tx) => saveNote(tx, { ...input, authorId: actor.id }));
    res.status(201).json(note);
  });

  router.get('/', async (req, res) => {
    const { limit, ...target } = parseInput(listNotesQuerySchema, req.query, 'query');
    const notes = await db.note.findMany({ where: { ...target, archivedAt: null }, orderBy: { createdAt: 'desc' }, take: limit, include: { author: { select: { name: true } } } });
    res.json({ items: notes.map(toNoteJson) });
  });

  /** Only the author changes or archives a note. */
  const findOwnNote = async (id: string, userId: string) => {
    const note = await db.note.findUnique({ where: { id } });
    if (!note || note.archivedAt) throw new AppError('NOT_FOUND', `Note ${id} does not exist`);
    if (note.authorId !== userId) throw new AppError('FORBIDDEN', 'Only the author can change a note');
    return note;
  };

  router.patch('/:id', async (req, res) => {
    const { body } = parseInput(updateNoteInputSchema, req.body);
    const actor = currentUser(res);
    await findOwnNote(req.params.id, actor.id);
    const note = await db.$transaction(async (tx) => {
      const updated = await tx.note.update({ where: { id: req.params.id }, data: { body, editedAt: new Date() }, include: { author: { select: { name: true } } } });
      await recordEvent(tx, { entityType: 'note', entityId: updated.id, action: 'updated', entity: toNoteJson(updated), actorId: actor.id });
      return updated;
    });
    res.json(toNoteJson(note));
  });

  router.post('/:id/archive', async (req, res) => {
    const actor = currentUser(res);
    await findOwnNote(req.params.id, actor.id);
    const note = await db.$transaction(async (tx) => {
      const archived = await tx.note.update({ where: { id: req.params.id }, data: { archivedAt: new Date() }, include: { author: { select: { name: true } } } });
      await recordEvent(tx, { entityType: 'note', entityId: archived.id, action: 'archived', entity: toNoteJson(archived), actorId: actor.id });
      return archived;
    });
    res.json(toNoteJson(note));
  });

  return router;
}
