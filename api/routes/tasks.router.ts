import { Router } from 'express';
import { listTasksQuerySchema } from '../../domain/tasks/task.schema';
import type { Db } from '../../prisma/db';
import { toTaskJson } from '../../prisma/to-json';
import { parseInput } from '../validate';

export function createTasksRouter({ db }: { db: Db }) {
  const router = Router();

  router.get('/', async (req, res) => {
    const { leadId, assigneeId, limit, cursor } = parseInput(listTasksQuerySchema, req.query, 'query');
    const rows = await db.task.findMany({
      where: { ...(leadId ? { leadId } : {}), ...(assigneeId ? { assigneeId } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    const page = rows.slice(0, limit);
    res.json({ items: page.map(toTaskJson), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null });
  });

  return router;
}
