import { Router } from 'express';
import { createUserInputSchema, updateUserInputSchema } from '../../domain/users/user.schema';
import type { Db } from '../../db/client';
import { requireAdmin } from '../auth/require-admin';
import { currentSession, currentUser } from '../auth/require-user';
import { createUser } from '../users/create-user';
import { listUsers } from '../users/list-users';
import { updateUser } from '../users/update-user';
import { parseInput } from '../validate';

/** Everyone can list users (owner and assignee pickers); only admins create or change them. */
export function createUsersRouter({ db, onChange }: { db: Db; onChange: () => void }) {
  const router = Router();

  router.get('/', async (_req, res) => {
    res.json(await listUsers(db));
  });

  router.post('/', requireAdmin('change users'), async (req, res) => {
    const input = parseInput(createUserInputSchema, req.body);
    res.status(201).json(await createUser(db, input, currentUser(res)));
  });

  router.patch('/:id', requireAdmin('change users'), async (req, res) => {
    const input = parseInput(updateUserInputSchema, req.body);
    res.json(await updateUser({ db, onChange, keepSessionId: currentSession(res).id }, String(req.params.id), input, currentUser(res)));
  });

  return router;
}
