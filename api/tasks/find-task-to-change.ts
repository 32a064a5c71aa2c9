import type { PermissionAction } from '../../domain/auth/permissions';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { assertPermission } from '../permissions/assert-permission';
import { findTask } from './find-task';

type TaskRow = Awaited<ReturnType<typeof findTask>>;

/**
 * The task's row (404 otherwise) when the permission matrix lets `user` do each of `actions` on it
 * (403 otherwise). The task workflow's own rules (checkTaskAction, checkTaskEdit) still answer after.
 */
export async function findTaskToChange(db: Db, taskId: string, user: PublicUser, actions: PermissionAction[] | ((task: TaskRow) => PermissionAction[])) {
  const task = await findTask(db, taskId);
  for (const action of typeof actions === 'function' ? actions(task) : actions) assertPermission(user, action, { type: 'task', assigneeId: task.assigneeId, createdById: task.createdById });
  return task;
}
