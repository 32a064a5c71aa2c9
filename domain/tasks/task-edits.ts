import { TASK_STATUS_LABELS } from '../labels/task-labels';
import { isManager, type TaskActor, type TaskForAction } from './task-actions';
import { OPEN_TASK_STATUSES } from './task-enums';

export type TaskEdit = 'reassign' | 'reschedule' | 'reprioritise';

/**
 * Who may change an open task: supervisors and admins; the assignee (handing it on, moving its
 * date); the creator may move its date and priority but not take it from the assignee.
 */
export function checkTaskEdit(task: TaskForAction, edit: TaskEdit, actor: TaskActor): { ok: true } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT'; reason: string } {
  if (!OPEN_TASK_STATUSES.includes(task.status)) return { ok: false, code: 'CONFLICT', reason: `cannot change a task that is ${TASK_STATUS_LABELS[task.status].toLowerCase()}` };
  const isAssignee = actor.id !== null && actor.id === task.assigneeId;
  const isCreator = actor.id !== null && actor.id === task.createdById;
  const allowed = isManager(actor) || isAssignee || (edit !== 'reassign' && isCreator);
  if (allowed) return { ok: true };
  const who = edit === 'reassign' ? 'the assignee, a supervisor or an admin' : 'the assignee, the creator, a supervisor or an admin';
  return { ok: false, code: 'FORBIDDEN', reason: `only ${who} can ${edit} this task` };
}
