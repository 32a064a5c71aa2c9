import { Router, type RequestHandler } from 'express';
import { createUserInputSchema, updateUserInputSchema } from '../../domain/users/user.schema';
import type { Db } from '../../db/client';
import type { User } from '../../prisma/generated/client';
import { recordEvent } from '../../db/writes/record-event';
import { hashPassword } from '../../db/passwords';
import { currentUser } from '../auth/require-user';
import { AppError } from '../errors';
import { parseInput } from '../validate';

const toUserJson = (user: User) => ({ id: user.id, email: user.email, name: user.name, role: user.role, active: user.active, createdAt: user.createdAt.toISOString() });

const requireAdmin: RequestHandler = (_req, res, next) => {
  if (currentUser(res).role !== 'ADMIN') throw new AppError('FORBIDDEN', 'Only an admin can change users');
  next();
};

/** Everyone can list users (owner and assignee pickers); only admins create or change them. */
export function createUsersRouter({ db, onChange }: { db: Db; onChange: () => void }) {
  const router = Router();

  router.get('/', async (_req, res) => {
    const users = await db.user.findMany({ orderBy: { name: 'asc' } });
    res.json({ items: users.map(toUserJson) });
  });

  router.post('/', requireAdmin, async (req, res) => {
    const { password, ...input } = parseInput(createUserInputSchema, req.body);
    if (await db.user.findUnique({ where: { email: input.email } })) {
      throw new AppError('CONFLICT', `A user with e-mail ${input.email} exists already`, { email: 'is taken' });
    }
    const passwordHash = await hashPassword(password);
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { ...input, passwordHash } });
      await recordEvent(tx, { entityType: 'user', entityId: created.id, action: 'created', entity: toUserJson(created), actorId: currentUser(res).id });
      return created;
    });
    res.status(201).json(toUserJson(user));
  });

  router.patch('/:id', requireAdmin, async (req, res) => {
    const { password, ...input } = parseInput(updateUserInputSchema, req.body);
    const id = String(req.params.id);
    if (!(await db.user.findUnique({ where: { id } }))) throw new AppError('NOT_FOUND', `User ${id} does not exist`);
    if (id === currentUser(res).id && (input.active === false || (input.role && input.role !== 'ADMIN'))) {
      throw new AppError('CONFLICT', 'You cannot deactivate yourself or drop your own admin role');
    }
    const passwordHash = password ? await hashPassword(password) : undefined;
    const user = await db.$transaction(async (tx) => {
      const updated = await tx.user.update({ where: { id }, data: { ...input, ...(passwordHash ? { passwordHash } : {}) } });
      if (input.active === false) await tx.session.deleteMany({ where: { userId: updated.id } });
      await recordEvent(tx, { entityType: 'user', entityId: updated.id, action: 'updated', entity: toUserJson(updated), actorId: currentUser(res).id });
      return updated;
    });
    onChange();
    res.json(toUserJson(user));
  });

  return router;
}
