import { Router } from 'express';
import { listTasksQuerySchema } from '../../domain/tasks/task.schema';
import type { Db } from '../../prisma/db';
import { toTaskJson } from '../../prisma/to-json';
import { pageArgs, toPage } from '../paginate';
import { parseInput } from '../validate';

export function createTasksRouter({ db }: { db: Db }) {
  const router = Router();

  router.get('/', async (req, res) => {
    const { leadId, assigneeId, limit, cursor } = parseInput(listTasksQuerySchema, req.query, 'query');
    const rows = await db.task.findMany({
      where: { ...(leadId ? { leadId } : {}), ...(assigneeId ? { assigneeId } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      ...pageArgs(limit, cursor),
    });
    res.json(toPage(rows, limit, toTaskJson));
  });

  return router;
}
