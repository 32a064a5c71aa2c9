import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { TaskSnapshot } from '../../activities/tasks.activities';
import type { TaskAction, TaskPriority } from '../../domain/tasks/task.schema';

/** The saved task the activities hand back, plus the workflow's own count of changes. */
export interface TaskWorkflowState extends TaskSnapshot {
  taskId: string;
  /** Changes applied so far; keys each change's Event so a retried activity writes it once. */
  step: number;
}

export interface TaskWorkflowInput {
  taskId: string;
}

/** The signature of `taskWorkflow`, for starting it by name without importing the workflow (no import cycle). */
export type TaskWorkflow = (input: TaskWorkflowInput) => Promise<TaskWorkflowState>;

/**
 * Every task Update names only who asks. The workflow reads their current role and active flag,
 * and the task's current assignee and creator, from the database before it accepts the change:
 * nothing else in the payload says who they are or what they may do.
 */
export interface TaskUpdateInput {
  actorId: string;
}

export interface TransitionTaskInput extends TaskUpdateInput {
  action: TaskAction;
  reason?: string;
}

export const getTaskStateQuery = defineQuery<TaskWorkflowState>('getTaskState');
/** Sent when automation has already closed the task in the database (e.g. its lead died). */
export const taskClosedSignal = defineSignal<[{ status: 'COMPLETED' | 'CANCELLED' }]>('taskClosed');
/** start / submit / approve / reject / complete / cancel, validated by the domain's task rules. */
export const transitionTaskUpdate = defineUpdate<TaskWorkflowState, [TransitionTaskInput]>('transitionTask');
export const reassignTaskUpdate = defineUpdate<TaskWorkflowState, [TaskUpdateInput & { assigneeId: string }]>('reassignTask');
/** Moves the due date and re-arms the overdue timer. */
export const rescheduleTaskUpdate = defineUpdate<TaskWorkflowState, [TaskUpdateInput & { dueAt: string }]>('rescheduleTask');
export const changeTaskPriorityUpdate = defineUpdate<TaskWorkflowState, [TaskUpdateInput & { priority: TaskPriority }]>('changeTaskPriority');
export const addTaskNoteUpdate = defineUpdate<{ noteId: string }, [TaskUpdateInput & { body: string }]>('addTaskNote');
