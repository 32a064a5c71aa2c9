import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import { allHandlersFinished, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { TaskActivities, TaskSnapshot } from '../../activities/tasks.activities';
import type { LeadStatus } from '../../domain/leads/lead.schema';
import { checkTaskAction, type TaskActor } from '../../domain/tasks/task-actions';
import { checkTaskEdit, type TaskEdit } from '../../domain/tasks/task-edits';
import { OPEN_TASK_STATUSES, type TaskStatus } from '../../domain/tasks/task.schema';
import { DB_ACTIVITY_OPTIONS } from '../activity-options';
import { requestLeadStatus } from '../leads/request-lead-status';
import { writeOrder } from '../shared/write-order';
import {
  addTaskNoteUpdate,
  changeTaskPriorityUpdate,
  getTaskStateQuery,
  reassignTaskUpdate,
  rescheduleTaskUpdate,
  taskClosedSignal,
  transitionTaskUpdate,
  type TaskWorkflow,
  type TaskWorkflowInput,
  type TaskWorkflowState,
  type TransitionTaskInput,
} from './task.messages';
import { startTaskWorkflow } from './start-task-workflow';

const { assignTask, applyTaskTransition, reassignTask, rescheduleTask, changeTaskPriority, addTaskNote, flagTaskOverdue } =
  proxyActivities<TaskActivities>(DB_ACTIVITY_OPTIONS);

/** What a task change wrote: the saved task, and the lead move a completion implies. */
interface TaskWritten {
  task: TaskSnapshot;
  leadStatus?: { leadId: string; status: LeadStatus } | null;
}

const isOpen = (status: TaskStatus): boolean => OPEN_TASK_STATUSES.includes(status);
const msUntil = (iso: string): number => Math.max(1, Date.parse(iso) - Date.now());
const refuse = (check: { ok: false; code: string; reason: string }): never => {
  throw ApplicationFailure.nonRetryable(check.reason, check.code);
};

/**
 * Lifecycle of one task, workflow id `taskWorkflowId(taskId)`: assigns it, then owns its state.
 * Transitions and edits arrive as Updates validated by the domain's rules; the due date is a
 * durable timer, re-armed when the date moves. Ends when the task is completed or cancelled.
 */
export const taskWorkflow: TaskWorkflow = async ({ taskId }: TaskWorkflowInput): Promise<TaskWorkflowState> => {
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
  const order = writeOrder();
  let loaded = false;
  const load = (snapshot: TaskSnapshot): void => void Object.assign(state, snapshot);
  const checkAction = ({ action, reason, actor }: TransitionTaskInput): TaskStatus => {
    const check = checkTaskAction(state, action, actor, reason);
    return check.ok ? check.to : refuse(check);
  };
  const checkEdit = (edit: TaskEdit) => ({ actor }: { actor: TaskActor }): void => {
    const check = checkTaskEdit(state, edit, actor);
    if (!check.ok) refuse(check);
  };

  /** Writes one change through `write`, keyed by its step; the step (and `next`) count once written. */
  const change = async <R>(write: (changeKey: string) => Promise<R>, next: Partial<TaskWorkflowState> = {}): Promise<R> => {
    const counted = { ...next, step: state.step + 1 };
    order.setBeforeWrite(state, counted);
    const written = await write(`${workflowInfo().runId}:u${counted.step}`);
    order.setAfterWrite(state, counted);
    return written;
  };

  /**
   * Every task Update has this shape: the validator checks the domain rule once the task is
   * loaded; the handler waits for the task and its turn, checks again against the state the
   * changes before it wrote, writes through the activity and takes the saved task as its state.
   */
  const handleUpdate = <I extends { actor: TaskActor }, C>(
    update: UpdateDefinition<TaskWorkflowState, [I]>,
    check: (input: I) => C,
    write: (input: I, checked: C, changeKey: string) => Promise<TaskWritten>,
    next: (checked: C) => Partial<TaskWorkflowState> = () => ({}),
  ): void =>
    setHandler(
      update,
      async (input: I) => {
        await condition(() => loaded);
        return order.inTurn(async () => {
          const checked = check(input);
          const { task, leadStatus } = await change((changeKey) => write(input, checked, changeKey), next(checked));
          load(task);
          if (leadStatus) await requestLeadStatus(leadStatus.leadId, leadStatus.status, input.actor.id);
          return state;
        });
      },
      // Updates can arrive before the task is loaded: validators check once loaded, handlers always.
      { validator: (input: I): void => void (loaded && check(input)) },
    );

  // Handlers are set before the first await, so an Update sent right after the start is delivered.
  setHandler(getTaskStateQuery, () => state);
  setHandler(taskClosedSignal, ({ status }) => {
    state.status = status;
  });
  handleUpdate(
    transitionTaskUpdate,
    checkAction,
    (input, to, changeKey) =>
      applyTaskTransition({ taskId, action: input.action, to, reason: input.reason, actorId: input.actor.id, changeKey, at: new Date().toISOString() }),
    (to) => ({ status: to }),
  );
  handleUpdate(reassignTaskUpdate, checkEdit('reassign'), async ({ assigneeId, actor }, _, changeKey) => ({
    task: await reassignTask({ taskId, assigneeId, actorId: actor.id, changeKey }),
  }));
  handleUpdate(rescheduleTaskUpdate, checkEdit('reschedule'), async ({ dueAt, actor }, _, changeKey) => ({
    task: await rescheduleTask({ taskId, dueAt, actorId: actor.id, changeKey, at: new Date().toISOString() }),
  }));
  handleUpdate(changeTaskPriorityUpdate, checkEdit('reprioritise'), async ({ priority, actor }, _, changeKey) => ({
    task: await changeTaskPriority({ taskId, priority, actorId: actor.id, changeKey }),
  }));
  setHandler(addTaskNoteUpdate, async ({ body, actor }) => {
    await condition(() => loaded);
    return order.inTurn(() => change((changeKey) => addTaskNote({ taskId, body, actorId: actor.id, changeKey })));
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
      // A change being written when the date passed (a completion, a new date) goes first.
      await order.inTurn(async () => {
        if (closedOrMoved()) return;
        const { followUpTaskId } = await flagTaskOverdue({ taskId, dueAt: armedDueAt, firedAt: new Date().toISOString() });
        if (state.dueAt === armedDueAt) state.overdue = true;
        if (followUpTaskId) await startTaskWorkflow(followUpTaskId);
      });
    }
  }
  await condition(allHandlersFinished);
  return state;
};
