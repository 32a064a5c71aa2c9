import type { Page } from '../../domain/pagination';
import type { ListTasksQuery } from '../../domain/tasks/task.schema';
import type { TaskListItem } from '../../domain/tasks/task-subject';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { readTaskPage } from '../../db/queries/task-list';
import { readTaskSubjects } from '../../db/queries/task-subjects';
import { toTaskJson } from '../../db/rows';
import { AppError } from '../errors';
import { knownCursor } from '../paginate';
import { serverMidnight } from '../server-midnight';

/** A page of tasks, each with what it is about (its lead, buyer or offer, named). */
export async function listTasks(db: Db, query: ListTasksQuery, user: PublicUser): Promise<Page<TaskListItem>> {
  if (query.dueFrom && query.dueTo && query.dueFrom >= query.dueTo) {
    throw new AppError('VALIDATION_FAILED', 'The end of the due range must be after its start', { dueTo: 'must be after dueFrom' });
  }
  const now = new Date();
  const dayStart = query.dayStart ? new Date(query.dayStart) : serverMidnight(now);
  const page = knownCursor(await readTaskPage(db, query, user.id, { now, dayStart }));
  const subjects = await readTaskSubjects(db, page.rows);
  // Each task's JSON is built for this page alone: it takes its subject in place rather than being copied.
  return { items: page.rows.map((row) => Object.assign(toTaskJson(row), { subject: subjects.get(row.id) ?? null })), nextCursor: page.nextCursor };
}
