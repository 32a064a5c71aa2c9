import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import { allHandlersFinished, condition, patched, proxyActivities, proxyLocalActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { TaskActivities, TaskSnapshot } from '../../activities/tasks.activities';
import type { LeadStatus } from '../../domain/leads/lead.schema';
import { checkTaskAction, type TaskActor, type TaskForAction } from '../../domain/tasks/task-actions';
import { checkTaskEdit, type TaskEdit } from '../../domain/tasks/task-edits';
import { OPEN_TASK_STATUSES, TASK_ACTIONS, TASK_PRIORITIES, type TaskStatus } from '../../domain/tasks/task-enums';
import { DB_ACTIVITY_OPTIONS, LOCAL_DB_ACTIVITY_OPTIONS } from '../activity-options';
import { requestLeadStatus } from '../leads/request-lead-status';
import { assertNamesActor, verifiesActor, verifyActor, verifyTaskActor } from '../shared/verify-actor';
import { assigneeAttribute, dueAtAttribute, overdueAttribute, searchAttributeUpserter, taskStatusAttribute } from '../shared/search-attributes';
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
  type TaskUpdateInput,
  type TaskWorkflowState,
  type TransitionTaskInput,
} from './task.messages';
import { startTaskWorkflow } from './start-task-workflow';

const { assignTask, applyTaskTransition, reassignTask, rescheduleTask, changeTaskPriority, addTaskNote, flagTaskOverdue } =
  proxyActivities<TaskActivities>(DB_ACTIVITY_OPTIONS);
// Every task's first write: run inside the workflow task, it costs no activity task and no second workflow task.
const { assignTask: assignTaskLocally } = proxyLocalActivities<TaskActivities>(LOCAL_DB_ACTIVITY_OPTIONS);

/** What a task change wrote: the saved task, and the lead move a completion implies. */
interface TaskWritten {
  task: TaskSnapshot;
  leadStatus?: { leadId: string; status: LeadStatus } | null;
}

const isOpen = (status: TaskStatus): boolean => OPEN_TASK_STATUSES.includes(status);
/**
 * A due date a person entered already in the past (confirmed with allowPastDue) is not a missed
 * deadline: no overdue flag, no follow-up for it. Runs recorded before this patch keep their steps.
 */
const MANUAL_PAST_DUE_PATCH = 'manual-past-due';
/** Patch id: runs since it assign their task in a local activity; runs recorded before it scheduled an activity. */
export const TASK_ASSIGN_LOCAL_PATCH = 'task-assign-local';
const msUntil = (iso: string): number => Math.max(1, Date.parse(iso) - Date.now());
const refuse = (check: { ok: false; code: string; reason: string }): never => {
  throw ApplicationFailure.nonRetryable(check.reason, check.code);
};

// Update validators check only the payload's shape; who asks is established in the handler.
const refuseShape = (reason: string): never => refuse({ ok: false, code: 'INVALID_UPDATE', reason });
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
const validateTransition = (input: TransitionTaskInput): void => {
  assertNamesActor(input);
  if (!TASK_ACTIONS.includes(input.action)) refuseShape(`unknown task action ${String(input.action)}`);
  if (input.reason !== undefined && typeof input.reason !== 'string') refuseShape('reason must be text');
};
const validateField =
  <K extends string>(field: K, isValid: (value: unknown) => boolean) =>
  (input: TaskUpdateInput & Record<K, unknown>): void => {
    assertNamesActor(input);
    if (!isValid(input[field])) refuseShape(`${field} is missing or not valid`);
  };

/** Runs recorded before the verify-actor patch carried the actor's id and role in the payload. */
const recordedActor = (input: TaskUpdateInput): TaskActor => (input as unknown as { actor: TaskActor }).actor;

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
  /** The due date that was already past when a person set it; its timer is never armed. */
  let enteredPastDue: string | null = null;
  // TaskStatus, Assignee, DueAt and Overdue as search attributes, upserted whenever they change (once the task is loaded).
  const upsertSearchAttributes = searchAttributeUpserter();
  const publishSearchAttributes = (): void => {
    if (!loaded) return;
    upsertSearchAttributes([
      { key: taskStatusAttribute, value: state.status },
      { key: assigneeAttribute, value: state.assigneeId },
      { key: dueAtAttribute, value: new Date(state.dueAt) },
      { key: overdueAttribute, value: state.overdue },
    ]);
  };
  const load = (snapshot: TaskSnapshot): void => {
    Object.assign(state, snapshot);
    publishSearchAttributes();
  };
  const checkAction = ({ action, reason }: TransitionTaskInput, actor: TaskActor, task: TaskForAction): TaskStatus => {
    const check = checkTaskAction(task, action, actor, reason);
    return check.ok ? check.to : refuse(check);
  };
  const checkEdit = (edit: TaskEdit) => (_input: TaskUpdateInput, actor: TaskActor, task: TaskForAction): void => {
    const check = checkTaskEdit(task, edit, actor);
    if (!check.ok) refuse(check);
  };
  /** Who asks, with their current role, and the task with its current assignee and creator, from the database. */
  const verifiedAsker = async ({ actorId }: TaskUpdateInput): Promise<{ actor: TaskActor; task: TaskForAction }> => {
    const { actor, task } = await verifyTaskActor(actorId, taskId);
    return { actor, task: { ...state, ...task } };
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
   * Every task Update has this shape: the validator checks the payload's shape; the handler waits
   * for the task and its turn, reads who asks (their current role and active flag) and the task's
   * current assignee and creator from the database, checks the domain rule on those and on the
   * state the changes before it wrote, writes through the activity and takes the saved task as
   * its state. A refusal leaves the state as it was.
   */
  const handleUpdate = <I extends TaskUpdateInput, C>(
    update: UpdateDefinition<TaskWorkflowState, [I]>,
    validate: (input: I) => void,
    check: (input: I, actor: TaskActor, task: TaskForAction) => C,
    write: (input: I, checked: C, actorId: string | null, changeKey: string) => Promise<TaskWritten>,
    next: (checked: C) => Partial<TaskWorkflowState> = () => ({}),
  ): void =>
    setHandler(
      update,
      async (input: I) => {
        await condition(() => loaded);
        return order.inTurn(async () => {
          // Runs recorded before the patch checked the payload's actor against the workflow's copy, with no read.
          const { actor, task: current } = verifiesActor() ? await verifiedAsker(input) : { actor: recordedActor(input), task: state };
          const checked = check(input, actor, current);
          const { task, leadStatus } = await change((changeKey) => write(input, checked, actor.id, changeKey), next(checked));
          load(task);
          if (leadStatus) await requestLeadStatus(leadStatus.leadId, leadStatus.status, actor.id);
          return state;
        });
      },
      { validator: validate },
    );

  // Handlers are set before the first await, so an Update sent right after the start is delivered.
  setHandler(getTaskStateQuery, () => state);
  setHandler(taskClosedSignal, ({ status }) => {
    state.status = status;
    publishSearchAttributes();
  });
  handleUpdate(
    transitionTaskUpdate,
    validateTransition,
    checkAction,
    (input, to, actorId, changeKey) =>
      applyTaskTransition({ taskId, action: input.action, to, reason: input.reason, actorId, changeKey, at: new Date().toISOString() }),
    (to) => ({ status: to }),
  );
  handleUpdate(reassignTaskUpdate, validateField('assigneeId', isText), checkEdit('reassign'), async ({ assigneeId }, _, actorId, changeKey) => ({
    task: await reassignTask({ taskId, assigneeId, actorId, changeKey }),
  }));
  handleUpdate(
    rescheduleTaskUpdate,
    validateField('dueAt', (dueAt) => isText(dueAt) && !Number.isNaN(Date.parse(dueAt))),
    checkEdit('reschedule'),
    async ({ dueAt }, _, actorId, changeKey) => {
      const at = new Date().toISOString();
      const task = await rescheduleTask({ taskId, dueAt, actorId, changeKey, at });
      if (Date.parse(task.dueAt) <= Date.parse(at) && patched(MANUAL_PAST_DUE_PATCH)) enteredPastDue = task.dueAt;
      return { task };
    },
  );
  handleUpdate(
    changeTaskPriorityUpdate,
    validateField('priority', (priority) => TASK_PRIORITIES.includes(priority as never)),
    checkEdit('reprioritise'),
    async ({ priority }, _, actorId, changeKey) => ({ task: await changeTaskPriority({ taskId, priority, actorId, changeKey }) }),
  );
  // Anyone active may add a note; who wrote it is still read from the database, never the payload.
  const writeNote = (body: string, actorId: string | null) => change((changeKey) => addTaskNote({ taskId, body, actorId, changeKey }));
  setHandler(
    addTaskNoteUpdate,
    async (input) => {
      await condition(() => loaded);
      return order.inTurn(() =>
        verifiesActor() ? verifyActor(input.actorId).then((actor) => writeNote(input.body, actor.id)) : writeNote(input.body, recordedActor(input).id),
      );
    },
    { validator: validateField('body', isText) },
  );

  const assigned = await (patched(TASK_ASSIGN_LOCAL_PATCH) ? assignTaskLocally : assignTask)({ taskId });
  loaded = true;
  load(assigned);
  // Created by a person with a date before the moment it was saved (automatic tasks have no creator).
  const { createdAt } = state;
  if (state.createdById !== null && createdAt !== undefined && Date.parse(state.dueAt) <= Date.parse(createdAt) && patched(MANUAL_PAST_DUE_PATCH)) {
    enteredPastDue = state.dueAt;
  }

  while (isOpen(state.status)) {
    const armedDueAt = state.dueAt;
    const closedOrMoved = (): boolean => !isOpen(state.status) || state.dueAt !== armedDueAt;
    if (state.overdue || state.dueAt === enteredPastDue) {
      await condition(closedOrMoved);
      continue;
    }
    if (!(await condition(closedOrMoved, msUntil(armedDueAt)))) {
      // A change being written when the date passed (a completion, a new date) goes first.
      await order.inTurn(async () => {
        if (closedOrMoved()) return;
        const { followUpTaskId } = await flagTaskOverdue({ taskId, dueAt: armedDueAt, firedAt: new Date().toISOString() });
        if (state.dueAt === armedDueAt) state.overdue = true;
        publishSearchAttributes();
        if (followUpTaskId) await startTaskWorkflow(followUpTaskId);
      });
    }
  }
  await condition(allHandlersFinished);
  return state;
};
