import { Prisma, type Task } from '../../prisma/generated/client';
import { readRows } from '../read-rows';

/** Moves a task to ASSIGNED inside `tx` and answers the row as saved. */
export async function markTaskAssigned(tx: Prisma.TransactionClient, taskId: string): Promise<Task> {
  const [task] = await readRows<Task>(tx, Prisma.sql`UPDATE "Task" SET "status" = 'ASSIGNED', "updatedAt" = ${new Date()} WHERE "id" = ${taskId} RETURNING *`);
  if (!task) throw new Error(`task ${taskId} does not exist`);
  return task;
}
