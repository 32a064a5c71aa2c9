import { checkTaskAction, type TaskActor } from '../../domain/tasks/task-actions';
import type { TaskDetail, TaskStatus, TransitionTaskInput } from '../../domain/tasks/task.schema';
import type { PublicUser } from '../../domain/users/user-role';
import { transitionTaskUpdate } from '../../workflows/tasks/task.messages';
import { AppError } from '../errors';
import { findTaskToChange } from './find-task-to-change';
import { getTaskDetail } from './get-task-detail';
import { runTaskUpdate, type TaskUpdateDeps } from './run-task-update';

/** `POST /api/tasks/:id/transition`: checked here against the permission matrix and the saved task first, then by `task-<id>`'s validator. */
export async function transitionTask(deps: TaskUpdateDeps, taskId: string, input: TransitionTaskInput, user: PublicUser): Promise<TaskDetail> {
  // Cancelling withdraws the task (the matrix's archive); every other move changes it.
  const task = await findTaskToChange(deps.db, taskId, user, [input.action === 'cancel' ? 'archive' : 'update']);
  const actor: TaskActor = { id: user.id, role: user.role };
  const check = checkTaskAction({ ...task, status: task.status as TaskStatus }, input.action, actor, input.reason);
  if (!check.ok) throw new AppError(check.code, check.reason);
  await runTaskUpdate(deps, taskId, transitionTaskUpdate, { action: input.action, reason: input.reason, actorId: user.id });
  return getTaskDetail(deps.db, taskId, user);
}
