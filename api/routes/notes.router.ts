import { Router } from 'express';
import { createNoteInputSchema, listNotesQuerySchema } from '../../domain/notes/note.schema';
import type { Db } from '../../prisma/db';
import type { Note } from '../../prisma/generated/client';
import { recordEvent } from '../../prisma/record-event';
import { currentUser } from '../auth/require-user';
import { findAttachmentTarget } from '../record-target';
import { parseInput } from '../validate';

const toNoteJson = (note: Note & { author: { name: string } }) => ({
  id: note.id,
  body: note.body,
  authorId: note.authorId,
  authorName: note.author.name,
  leadId: note.leadId,
  buyerId: note.buyerId,
  taskId: note.taskId,
  offerId: note.offerId,
  createdAt: note.createdAt.toISOString(),
});

export function createNotesRouter({ db }: { db: Db }) {
  const router = Router();

  router.post('/', async (req, res) => {
    const input = parseInput(createNoteInputSchema, req.body);
    const { body: _body, ...targets } = input;
    await findAttachmentTarget(db, targets);
    const actor = currentUser(res);
    const note = await db.$transaction(async (tx) => {
      const created = await tx.note.create({ data: { ...input, authorId: actor.id }, include: { author: { select: { name: true } } } });
      await recordEvent(tx, { entityType: 'note', entityId: created.id, action: 'created', entity: toNoteJson(created), actorId: actor.id });
      return created;
    });
    res.status(201).json(toNoteJson(note));
  });

  router.get('/', async (req, res) => {
    const { limit, ...target } = parseInput(listNotesQuerySchema, req.query, 'query');
    const notes = await db.note.findMany({ where: target, orderBy: { createdAt: 'desc' }, take: limit, include: { author: { select: { name: true } } } });
    res.json({ items: notes.map(toNoteJson) });
  });

  return router;
}
