import { OPEN_LEAD_STATUSES } from '../../domain/leads/lead-status';
import { OPEN_TASK_STATUSES } from '../../domain/tasks/task.schema';
import type { UserWorkload } from '../../domain/users/user-admin.schema';
import type { Db } from '../../db/client';
import { findUser } from './find-user';

/** How many open leads a user owns and open tasks they hold: what deactivating them hands over. */
export async function getUserWorkload(db: Db, userId: string): Promise<UserWorkload> {
  await findUser(db, userId);
  const [openLeads, openTasks] = await Promise.all([
    db.lead.count({ where: { ownerId: userId, archivedAt: null, status: { in: [...OPEN_LEAD_STATUSES] } } }),
    db.task.count({ where: { assigneeId: userId, status: { in: [...OPEN_TASK_STATUSES] } } }),
  ]);
  return { openLeads, openTasks };
}
