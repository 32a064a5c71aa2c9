import { ApplicationFailure } from '@temporalio/common';
import { allHandlersFinished, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { TaskActivities, TaskSnapshot } from '../../activities/tasks.activities';
import { checkTaskAction, type TaskActor } from '../../domain/tasks/task-actions';
import { checkTaskEdit, type TaskEdit } from '../../domain/tasks/task-edits';
import { OPEN_TASK_STATUSES, type TaskStatus } from '../../domain/tasks/task.schema';
import { DB_ACTIVITY_OPTIONS } from '../activity-options';
import { requestLeadStatus } from '../leads/request-lead-status';
import {
  addTaskNoteUpdate,
  changeTaskPriorityUpdate,
  getTaskStateQuery,
  reassignTaskUpdate,
  rescheduleTaskUpdate,
  taskClosedSignal,
  transitionTaskUpdate,
  type TaskWorkflowState,
  type TransitionTaskInput,
} from './task.messages';
import { startTaskWorkflow } from './start-task-workflow';

const { assignTask, applyTaskTransition, reassignTask, rescheduleTask, changeTaskPriority, addTaskNote, flagTaskOverdue } =
  proxyActivities<TaskActivities>(DB_ACTIVITY_OPTIONS);

export interface TaskWorkflowInput {
  taskId: string;
}

const isOpen = (status: TaskStatus): boolean => OPEN_TASK_STATUSES.includes(status);
const msUntil = (iso: string): number => Math.max(1, Date.parse(iso) - Date.now());
const refuse = (check: { ok: false; code: string; reason: string }): never => {
  throw ApplicationFailure.nonRetryable(check.reason, check.code);
};

/**
 * Lifecycle of one task, workflow id `task-<id>`: assigns it, then owns its state.
 * Transitions and edits arrive as Updates validated by the domain's rules; the due date is a
 * durable timer, re-armed when the date moves. Ends when the task is completed or cancelled.
 */
export async function taskWorkflow({ taskId }: TaskWorkflowInput): Promise<TaskWorkflowState> {
  const state: TaskWorkflowState = {
    taskId,
    status: 'CREATED',
    assigneeId: null,
    createdById: null,
    requiresReview: false,
    priority: 'MEDIUM',
    dueAt: new Date(0).toISOString(),
    overdue: false,
    step: 0,
  };
  let loaded = false;
  const load = (snapshot: TaskSnapshot): void => void Object.assign(state, snapshot);
  const nextChangeKey = (): string => `${workflowInfo().runId}:u${++state.step}`;
  const checkAction = ({ action, reason, actor }: TransitionTaskInput): TaskStatus => {
    const check = checkTaskAction(state, action, actor, reason);
    return check.ok ? check.to : refuse(check);
  };
  const checkEdit = (edit: TaskEdit, actor: TaskActor): void => {
    const check = checkTaskEdit(state, edit, actor);
    if (!check.ok) refuse(check);
  };
  // Updates can arrive before the task is loaded: validators check once loaded, handlers always.
  const whenLoaded = <A extends unknown[]>(check: (...args: A) => unknown) => ({
    validator: (...args: A): void => void (loaded && check(...args)),
  });

  // Handlers are set before the first await, so an Update sent right after the start is delivered.
  setHandler(getTaskStateQuery, () => state);
  setHandler(taskClosedSignal, ({ status }) => {
    state.status = status;
  });
  setHandler(
    transitionTaskUpdate,
    async (input) => {
      await condition(() => loaded);
      const to = checkAction(input);
      state.status = to; // set before awaiting, so concurrent Updates are validated against it
      const { task, leadStatus } = await applyTaskTransition({
        taskId,
        action: input.action,
        to,
        reason: input.reason,
        actorId: input.actor.id,
        changeKey: nextChangeKey(),
        at: new Date().toISOString(),
      });
      load(task);
      if (leadStatus) await requestLeadStatus(leadStatus.leadId, leadStatus.status, input.actor.id);
      return state;
    },
    whenLoaded(checkAction),
  );
  setHandler(
    reassignTaskUpdate,
    async ({ assigneeId, actor }) => {
      await condition(() => loaded);
      checkEdit('reassign', actor);
      load(await reassignTask({ taskId, assigneeId, actorId: actor.id, changeKey: nextChangeKey() }));
      return state;
    },
    whenLoaded(({ actor }: { actor: TaskActor }) => checkEdit('reassign', actor)),
  );
  setHandler(
    rescheduleTaskUpdate,
    async ({ dueAt, actor }) => {
      await condition(() => loaded);
      checkEdit('reschedule', actor);
      load(await rescheduleTask({ taskId, dueAt, actorId: actor.id, changeKey: nextChangeKey(), at: new Date().toISOString() }));
      return state;
    },
    whenLoaded(({ actor }: { actor: TaskActor }) => checkEdit('reschedule', actor)),
  );
  setHandler(
    changeTaskPriorityUpdate,
    async ({ priority, actor }) => {
      await condition(() => loaded);
      checkEdit('reprioritise', actor);
      load(await changeTaskPriority({ taskId, priority, actorId: actor.id, changeKey: nextChangeKey() }));
      return state;
    },
    whenLoaded(({ actor }: { actor: TaskActor }) => checkEdit('reprioritise', actor)),
  );
  setHandler(addTaskNoteUpdate, async ({ body, actor }) => {
    await condition(() => loaded);
    return addTaskNote({ taskId, body, actorId: actor.id, changeKey: nextChangeKey() });
  });

  load(await assignTask({ taskId }));
  loaded = true;

  while (isOpen(state.status)) {
    const armedDueAt = state.dueAt;
    const closedOrMoved = (): boolean => !isOpen(state.status) || state.dueAt !== armedDueAt;
    if (state.overdue) {
      await condition(closedOrMoved);
      continue;
    }
    if (!(await condition(closedOrMoved, msUntil(armedDueAt)))) {
      const { followUpTaskId } = await flagTaskOverdue({ taskId, dueAt: armedDueAt, firedAt: new Date().toISOString() });
      if (state.dueAt === armedDueAt) state.overdue = true;
      if (followUpTaskId) await startTaskWorkflow(followUpTaskId);
    }
  }
  await condition(allHandlersFinished);
  return state;
}
