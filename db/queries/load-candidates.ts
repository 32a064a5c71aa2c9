import { OPEN_TASK_STATUSES, taskSchema } from '../../domain/tasks/task.schema';
import type { Candidate } from '../../domain/tasks/pick-assignee';
import type { Db, Prisma } from '../client';
import { parseColumn } from '../rows';

/** The users of a role (every user when none is given) with their role and open tasks by priority, for the assignment rules. */
export async function loadCandidates(db: Db | Prisma.TransactionClient, role?: string): Promise<Candidate[]> {
  const users = await db.user.findMany({ where: role ? { role } : {}, select: { id: true, active: true, role: true } });
  if (users.length === 0) return [];
  const counts = await db.task.groupBy({
    by: ['assigneeId', 'priority'],
    where: { assigneeId: { in: users.map((user) => user.id) }, status: { in: [...OPEN_TASK_STATUSES] } },
    _count: { _all: true },
  });
  return users.map((user) => ({
    ...user,
    openTasks: Object.fromEntries(
      counts.filter((row) => row.assigneeId === user.id).map((row) => [parseColumn(taskSchema.shape.priority, row.priority, 'Task.priority'), row._count._all]),
    ),
  }));
}
