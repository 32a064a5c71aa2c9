import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { suggestAssignee, type TaskContext } from './suggest-assignee';

/** `GET /api/tasks/suggest-assignee`: who the assignment rules would pick, named, and the rule. */
export async function getSuggestedAssignee(db: Db, task: TaskContext, user: PublicUser) {
  const { assigneeId, rule } = await suggestAssignee(db, task, user);
  const assignee = assigneeId ? await db.user.findUnique({ where: { id: assigneeId }, select: { id: true, name: true } }) : null;
  return { assignee, rule };
}
