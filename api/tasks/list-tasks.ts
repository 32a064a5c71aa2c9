import type { Page } from '../../domain/pagination';
import type { ListTasksQuery, Task } from '../../domain/tasks/task.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { readTaskPage } from '../../db/queries/task-list';
import { toTaskJson } from '../../db/rows';
import { AppError } from '../errors';
import { knownCursor } from '../paginate';
import { serverMidnight } from '../server-midnight';

export async function listTasks(db: Db, query: ListTasksQuery, user: PublicUser): Promise<Page<Task>> {
  if (query.dueFrom && query.dueTo && query.dueFrom >= query.dueTo) {
    throw new AppError('VALIDATION_FAILED', 'dueTo must be after dueFrom', { dueTo: 'must be after dueFrom' });
  }
  const now = new Date();
  const dayStart = query.dayStart ? new Date(query.dayStart) : serverMidnight(now);
  const page = knownCursor(await readTaskPage(db, query, user.id, { now, dayStart }));
  return { items: page.rows.map(toTaskJson), nextCursor: page.nextCursor };
}
