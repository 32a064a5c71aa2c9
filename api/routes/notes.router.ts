import { Router } from 'express';
import { createNoteInputSchema, listNotesQuerySchema } from '../../domain/notes/note.schema';
import type { Db } from '../../prisma/db';
import type { Note } from '../../prisma/generated/client';
import { recordEvent } from '../../prisma/record-event';
import { currentUser } from '../auth/require-user';
import { AppError } from '../errors';
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
    const [field, id] = Object.entries(input).find(([key, value]) => key !== 'body' && value !== undefined) as [string, string];
    const exists =
      field === 'leadId' ? await db.lead.count({ where: { id } })
      : field === 'buyerId' ? await db.buyer.count({ where: { id } })
      : field === 'taskId' ? await db.task.count({ where: { id } })
      : await db.offer.count({ where: { id } });
    if (!exists) throw new AppError('UNPROCESSABLE', `${field} does not name a record`, { [field]: 'does not name a record' });
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
