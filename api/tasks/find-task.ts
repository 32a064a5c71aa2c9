import type { Db } from '../../db/client';
import { AppError } from '../errors';

/** The task's row, or a 404. */
export async function findTask(db: Db, taskId: string) {
  const task = await db.task.findUnique({ where: { id: taskId } });
  if (!task) throw new AppError('NOT_FOUND', `Task ${taskId} does not exist`);
  return task;
}
