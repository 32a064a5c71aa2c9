import type { Response } from 'express';
import { TASK_EXPORT_COLUMNS } from '../../domain/exports/export-columns';
import type { ListTasksQuery } from '../../domain/tasks/task.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { readTaskPage } from '../../db/queries/task-list';
import { readTaskSubjects } from '../../db/queries/task-subjects';
import { readUserNames } from '../../db/queries/user-names';
import { toTaskJson } from '../../db/rows';
import { AppError } from '../errors';
import { EXPORT_PAGE_SIZE, everyRow, exportFileName, streamCsv } from '../exports/stream-csv';
import { serverMidnight } from '../server-midnight';

/** The task list as CSV: its view, filters and sort, every page. An agent's export holds only the tasks assigned to them. */
export async function exportTasks(db: Db, query: ListTasksQuery, user: PublicUser, res: Response): Promise<void> {
  if (query.dueFrom && query.dueTo && query.dueFrom >= query.dueTo) {
    throw new AppError('VALIDATION_FAILED', 'The end of the due range must be after its start', { dueTo: 'must be after dueFrom' });
  }
  const now = new Date();
  const clock = { now, dayStart: query.dayStart ? new Date(query.dayStart) : serverMidnight(now) };
  const scoped: ListTasksQuery = { ...query, ...(user.role === 'AGENT' ? { assigneeId: user.id } : {}), limit: EXPORT_PAGE_SIZE, cursor: undefined };
  const people = await readUserNames(db);
  const rows = everyRow(
    (cursor) => readTaskPage(db, { ...scoped, cursor }, user.id, clock),
    async (tasks) => {
      const subjects = await readTaskSubjects(db, tasks);
      return tasks.map((task) => ({ ...toTaskJson(task), subject: subjects.get(task.id) ?? null, people }));
    },
  );
  await streamCsv(res, exportFileName('tasks', now), TASK_EXPORT_COLUMNS, rows);
}
