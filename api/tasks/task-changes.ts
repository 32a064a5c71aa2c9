import { checkTaskAction, type TaskActor } from '../../domain/tasks/task-actions';
import type { BulkTaskInput, TaskDetail, TaskStatus, TransitionTaskInput, UpdateTaskInput } from '../../domain/tasks/task.schema';
import type { PublicUser } from '../../domain/users/user-role';
import { toNoteJson } from '../../db/rows';
import {
  addTaskNoteUpdate,
  changeTaskPriorityUpdate,
  reassignTaskUpdate,
  rescheduleTaskUpdate,
  transitionTaskUpdate,
} from '../../workflows/tasks/task.messages';
import { AppError } from '../errors';
import { runTaskUpdate, type TaskUpdateDeps } from './run-task-update';
import { loadTaskDetail } from './task-detail';

const actorOf = (user: PublicUser): TaskActor => ({ id: user.id, role: user.role });

async function findTask(deps: TaskUpdateDeps, taskId: string) {
  const task = await deps.db.task.findUnique({ where: { id: taskId } });
  if (!task) throw new AppError('NOT_FOUND', `Task ${taskId} does not exist`);
  return task;
}

/** `POST /api/tasks/:id/transition`: checked here against the saved task first, then by `task-<id>`'s validator. */
export async function transitionTask(deps: TaskUpdateDeps, taskId: string, input: TransitionTaskInput, user: PublicUser): Promise<TaskDetail> {
  const task = await findTask(deps, taskId);
  const check = checkTaskAction({ ...task, status: task.status as TaskStatus }, input.action, actorOf(user), input.reason);
  if (!check.ok) throw new AppError(check.code, check.reason);
  await runTaskUpdate(deps, taskId, transitionTaskUpdate, { action: input.action, reason: input.reason, actor: actorOf(user) });
  return loadTaskDetail(deps.db, taskId, user);
}

/** `PATCH /api/tasks/:id`: one Update per changed field (reassign, reschedule, reprioritise), each with its Event. */
export async function updateTask(deps: TaskUpdateDeps, taskId: string, input: UpdateTaskInput, user: PublicUser): Promise<TaskDetail> {
  const task = await findTask(deps, taskId);
  const actor = actorOf(user);
  if (input.assigneeId !== undefined && input.assigneeId !== task.assigneeId) {
    const assignee = await deps.db.user.findUnique({ where: { id: input.assigneeId }, select: { active: true } });
    if (!assignee?.active) throw new AppError('UNPROCESSABLE', 'assigneeId must name an active user', { assigneeId: 'must name an active user' });
    await runTaskUpdate(deps, taskId, reassignTaskUpdate, { assigneeId: input.assigneeId, actor });
  }
  if (input.dueAt !== undefined && new Date(input.dueAt).getTime() !== task.dueAt.getTime()) {
    await runTaskUpdate(deps, taskId, rescheduleTaskUpdate, { dueAt: new Date(input.dueAt).toISOString(), actor });
  }
  if (input.priority !== undefined && input.priority !== task.priority) {
    await runTaskUpdate(deps, taskId, changeTaskPriorityUpdate, { priority: input.priority, actor });
  }
  return loadTaskDetail(deps.db, taskId, user);
}

export async function addTaskNote(deps: TaskUpdateDeps, taskId: string, body: string, user: PublicUser) {
  await findTask(deps, taskId);
  const { noteId } = await runTaskUpdate(deps, taskId, addTaskNoteUpdate, { body, actor: actorOf(user) });
  return toNoteJson(await deps.db.note.findUniqueOrThrow({ where: { id: noteId }, include: { author: { select: { name: true } } } }));
}

/** Each task on its own: one the rules refuse is reported and does not stop the others. */
export async function bulkChangeTasks(deps: TaskUpdateDeps, input: BulkTaskInput, user: PublicUser) {
  const results = [];
  for (const id of new Set(input.ids)) {
    try {
      const task =
        input.action === 'reassign'
          ? await updateTask(deps, id, { assigneeId: input.assigneeId! }, user)
          : await transitionTask(deps, id, { action: input.action }, user);
      results.push({ id, ok: true, task });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ id, ok: false, error: error.message });
    }
  }
  return { results };
}
