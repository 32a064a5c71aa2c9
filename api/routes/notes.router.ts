import { Router } from 'express';
import { createNoteInputSchema, listNotesQuerySchema, updateNoteInputSchema } from '../../domain/notes/note.schema';
import type { Db } from '../../db/client';
import { currentUser } from '../auth/require-user';
import { idempotentCreate } from '../idempotency/idempotent-create';
import { archiveNote } from '../notes/archive-note';
import { createNote } from '../notes/create-note';
import { listNotes } from '../notes/list-notes';
import { updateNote } from '../notes/update-note';
import { parseInput } from '../validate';

export function createNotesRouter({ db }: { db: Db }) {
  const router = Router();

  router.post('/', idempotentCreate(db, async (req, res, claim) => {
    const input = parseInput(createNoteInputSchema, req.body);
    return createNote(db, input, currentUser(res), claim);
  }));

  router.get('/', async (req, res) => {
    res.json(await listNotes(db, parseInput(listNotesQuerySchema, req.query, 'query')));
  });

  router.patch('/:id', async (req, res) => {
    const { body } = parseInput(updateNoteInputSchema, req.body);
    res.json(await updateNote(db, req.params.id, body, currentUser(res)));
  });

  router.post('/:id/archive', async (req, res) => {
    res.json(await archiveNote(db, req.params.id, currentUser(res)));
  });

  return router;
}
