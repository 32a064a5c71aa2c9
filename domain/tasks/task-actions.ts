import { TASK_STATUS_LABELS } from '../labels/task-labels';
import { isManagerRole, type UserRole } from '../users/user-roles';
import { OPEN_TASK_STATUSES, TASK_ACTIONS, type TaskAction, type TaskStatus } from './task-enums';

export interface TaskForAction {
  status: TaskStatus;
  assigneeId: string | null;
  createdById: string | null;
  requiresReview: boolean;
}

export interface TaskActor {
  id: string | null;
  role: UserRole | 'SYSTEM';
}

export type TaskActionCheck =
  | { ok: true; to: TaskStatus }
  | { ok: false; code: 'FORBIDDEN' | 'CONFLICT'; reason: string };

/** The status each action leads to; the web shows it at once while the workflow confirms. */
export const TASK_ACTION_TARGETS: Readonly<Record<TaskAction, TaskStatus>> = {
  start: 'IN_PROGRESS',
  submit: 'PENDING_REVIEW',
  approve: 'COMPLETED',
  reject: 'IN_PROGRESS',
  complete: 'COMPLETED',
  cancel: 'CANCELLED',
};

const FROM: Record<TaskAction, readonly TaskStatus[]> = {
  start: ['CREATED', 'ASSIGNED'],
  submit: ['ASSIGNED', 'IN_PROGRESS'],
  approve: ['PENDING_REVIEW'],
  reject: ['PENDING_REVIEW'],
  complete: ['ASSIGNED', 'IN_PROGRESS'],
  cancel: OPEN_TASK_STATUSES,
};

/** Supervisors, admins and the system's own automation may act on anyone's task. */
export const isManager = (actor: TaskActor): boolean => isManagerRole(actor.role) || actor.role === 'SYSTEM';
const isAssignee = (task: TaskForAction, actor: TaskActor): boolean => actor.id !== null && task.assigneeId === actor.id;

function whoMay(task: TaskForAction, action: TaskAction, actor: TaskActor): string | null {
  switch (action) {
    case 'approve':
    case 'reject':
      return actor.role === 'SUPERVISOR' || actor.role === 'SYSTEM' ? null : `only a supervisor can ${action} a task`;
    case 'cancel':
      return isAssignee(task, actor) || isManager(actor) || (actor.id !== null && task.createdById === actor.id)
        ? null
        : 'only the assignee, the creator, a supervisor or an admin can cancel this task';
    default:
      return isAssignee(task, actor) || isManager(actor) ? null : `only the assignee, a supervisor or an admin can ${action} this task`;
  }
}

/**
 * The task lifecycle: CREATED → ASSIGNED → IN_PROGRESS → PENDING_REVIEW → COMPLETED, CANCELLED from any open
 * state. A task that requires review completes only through a supervisor's approval; a
 * rejection needs a reason and sends the task back to IN_PROGRESS.
 */
export function checkTaskAction(task: TaskForAction, action: TaskAction, actor: TaskActor, reason?: string): TaskActionCheck {
  const forbidden = whoMay(task, action, actor);
  if (forbidden) return { ok: false, code: 'FORBIDDEN', reason: forbidden };
  if (!FROM[action].includes(task.status)) {
    return { ok: false, code: 'CONFLICT', reason: `cannot ${action} a task that is ${TASK_STATUS_LABELS[task.status].toLowerCase()}` };
  }
  if (action === 'complete' && task.requiresReview) {
    return { ok: false, code: 'CONFLICT', reason: 'this task requires review: submit it for a supervisor to approve' };
  }
  if (action === 'submit' && !task.requiresReview) {
    return { ok: false, code: 'CONFLICT', reason: 'this task does not require review: complete it instead' };
  }
  if (action === 'reject' && !reason?.trim()) return { ok: false, code: 'CONFLICT', reason: 'a rejection needs a reason' };
  return { ok: true, to: TASK_ACTION_TARGETS[action] };
}

/** The actions this actor may take on this task now (a rejection's reason is asked for separately). */
export function allowedTaskActions(task: TaskForAction, actor: TaskActor): TaskAction[] {
  return TASK_ACTIONS.filter((action) => checkTaskAction(task, action, actor, 'reason').ok);
}
