import { Router } from 'express';
import { z } from 'zod';
import { OPEN_TASK_STATUSES } from '../../domain/tasks/task.schema';
import type { Db } from '../../prisma/db';
import { parseInput } from '../validate';

const dashboardQuerySchema = z.object({
  // The browser sends the start of the user's own day; the server's midnight is the fallback.
  dayStart: z.iso.datetime({ offset: true, message: 'must be an ISO date-time' }).optional(),
});

function serverMidnight(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

export function createDashboardRouter({ db }: { db: Db }) {
  const router = Router();

  router.get('/', async (req, res) => {
    const { dayStart } = parseInput(dashboardQuerySchema, req.query, 'query');
    const since = dayStart ? new Date(dayStart) : serverMidnight(new Date());
    const openTask = { status: { in: [...OPEN_TASK_STATUSES] } };
    const [leads, newToday, openTasks, overdueTasks] = await db.$transaction([
      db.lead.count({ where: { archivedAt: null } }),
      db.lead.count({ where: { archivedAt: null, createdAt: { gte: since } } }),
      db.task.count({ where: openTask }),
      db.task.count({ where: { ...openTask, overdue: true } }),
    ]);
    res.json({ leads, newToday, openTasks, overdueTasks });
  });

  return router;
}
