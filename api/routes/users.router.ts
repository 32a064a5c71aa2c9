import { Router } from 'express';
import { createInviteInputSchema } from '../../domain/users/invite.schema';
import { deactivateUserInputSchema } from '../../domain/users/user-admin.schema';
import { createUserInputSchema, updateUserInputSchema } from '../../domain/users/user.schema';
import { requireAdmin } from '../auth/require-admin';
import { currentSession, currentUser } from '../auth/require-user';
import { createUser } from '../users/create-user';
import { deactivateUser, type UserAdminDeps } from '../users/deactivate-user';
import { getUserWorkload } from '../users/get-user-workload';
import { inviteUser, listPendingInvites, renewInvite } from '../users/invite-user';
import { listUsers } from '../users/list-users';
import { reactivateUser } from '../users/reactivate-user';
import { updateUser } from '../users/update-user';
import { parseInput } from '../validate';

/** Everyone can list users (owner and assignee pickers); everything else here is an admin's. */
export function createUsersRouter(deps: UserAdminDeps & { appUrl: string }) {
  const { db } = deps;
  const router = Router();
  const adminOnly = requireAdmin('manage users');

  router.get('/', async (_req, res) => {
    res.json(await listUsers(db));
  });

  router.post('/', adminOnly, async (req, res) => {
    const input = parseInput(createUserInputSchema, req.body);
    res.status(201).json(await createUser(db, input, currentUser(res)));
  });

  router.get('/invites', adminOnly, async (_req, res) => {
    res.json(await listPendingInvites(db));
  });

  router.post('/invites', adminOnly, async (req, res) => {
    const input = parseInput(createInviteInputSchema, req.body);
    res.status(201).json(await inviteUser(deps, input, currentUser(res)));
  });

  router.post('/:id/invites', adminOnly, async (req, res) => {
    res.status(201).json(await renewInvite(deps, String(req.params.id), currentUser(res)));
  });

  router.get('/:id/workload', adminOnly, async (req, res) => {
    res.json(await getUserWorkload(db, String(req.params.id)));
  });

  router.post('/:id/deactivate', adminOnly, async (req, res) => {
    const input = parseInput(deactivateUserInputSchema, req.body);
    res.json(await deactivateUser(deps, String(req.params.id), input, currentUser(res)));
  });

  router.post('/:id/reactivate', adminOnly, async (req, res) => {
    res.json(await reactivateUser(deps, String(req.params.id), currentUser(res)));
  });

  router.patch('/:id', adminOnly, async (req, res) => {
    const input = parseInput(updateUserInputSchema, req.body);
    res.json(await updateUser({ ...deps, keepSessionId: currentSession(res).id }, String(req.params.id), input, currentUser(res)));
  });

  return router;
}
