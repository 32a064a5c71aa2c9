import type { Client } from '@temporalio/client';
import { Router } from 'express';
import { createTaskInputSchema, listTasksQuerySchema } from '../../domain/tasks/task.schema';
import type { Db } from '../../prisma/db';
import { toTaskJson } from '../../prisma/to-json';
import { currentUser } from '../auth/require-user';
import { pageArgs, toPage } from '../paginate';
import { createTask } from '../tasks/create-task';
import { parseInput } from '../validate';

export function createTasksRouter(deps: { db: Db; temporal: Client; taskQueue: string }) {
  const { db } = deps;
  const router = Router();

  router.post('/', async (req, res) => {
    const input = parseInput(createTaskInputSchema, req.body);
    res.status(201).json(await createTask(deps, input, currentUser(res)));
  });

  router.get('/', async (req, res) => {
    const { leadId, buyerId, offerId, assigneeId, limit, cursor } = parseInput(listTasksQuerySchema, req.query, 'query');
    const rows = await db.task.findMany({
      where: { ...(leadId ? { leadId } : {}), ...(buyerId ? { buyerId } : {}), ...(offerId ? { offerId } : {}), ...(assigneeId ? { assigneeId } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      ...pageArgs(limit, cursor),
    });
    res.json(toPage(rows, limit, toTaskJson));
  });

  return router;
}
