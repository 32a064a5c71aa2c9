import { checkPastDue, PAST_DUE_MESSAGE } from '../../domain/tasks/past-due';
import type { TaskDetail, UpdateTaskInput } from '../../domain/tasks/task.schema';
import type { PublicUser } from '../../domain/users/user-role';
import { changeTaskPriorityUpdate, reassignTaskUpdate, rescheduleTaskUpdate } from '../../workflows/tasks/task.messages';
import { AppError } from '../errors';
import { findTaskToChange } from './find-task-to-change';
import { getTaskDetail } from './get-task-detail';
import { runTaskUpdate, type TaskUpdateDeps } from './run-task-update';

/** `PATCH /api/tasks/:id`: one Update per changed field (reassign, reschedule, reprioritise), each with its Event. */
export async function updateTask(deps: TaskUpdateDeps, taskId: string, input: UpdateTaskInput, user: PublicUser): Promise<TaskDetail> {
  // All checked before the first Update, so a refused field leaves the others unchanged too.
  const task = await findTaskToChange(deps.db, taskId, user, (saved) => [
    ...(input.assigneeId !== undefined && input.assigneeId !== saved.assigneeId ? (['changeOwner'] as const) : []),
    ...(input.dueAt !== undefined || input.priority !== undefined ? (['update'] as const) : []),
  ]);
  const actorId = user.id;
  const moves = input.dueAt !== undefined && new Date(input.dueAt).getTime() !== task.dueAt.getTime();
  // Only a new date is checked: a task already past due keeps its date through other edits.
  const pastDue = moves && input.dueAt !== undefined ? checkPastDue(input.dueAt, input.allowPastDue, new Date()) : undefined;
  if (pastDue) throw new AppError('VALIDATION_FAILED', PAST_DUE_MESSAGE, { dueAt: pastDue });
  if (input.assigneeId !== undefined && input.assigneeId !== task.assigneeId) {
    const assignee = await deps.db.user.findUnique({ where: { id: input.assigneeId }, select: { active: true } });
    if (!assignee?.active) throw new AppError('UNPROCESSABLE', 'Choose an active user as the assignee', { assigneeId: 'must name an active user' });
    await runTaskUpdate(deps, taskId, reassignTaskUpdate, { assigneeId: input.assigneeId, actorId });
  }
  if (moves && input.dueAt !== undefined) {
    await runTaskUpdate(deps, taskId, rescheduleTaskUpdate, { dueAt: new Date(input.dueAt).toISOString(), actorId });
  }
  if (input.priority !== undefined && input.priority !== task.priority) {
    await runTaskUpdate(deps, taskId, changeTaskPriorityUpdate, { priority: input.priority, actorId });
  }
  return getTaskDetail(deps.db, taskId, user);
}
