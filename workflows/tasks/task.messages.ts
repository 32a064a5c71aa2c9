import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { TaskSnapshot } from '../../activities/tasks.activities';
import type { TaskActor } from '../../domain/tasks/task-actions';
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

export interface TransitionTaskInput {
  action: TaskAction;
  reason?: string;
  actor: TaskActor;
}

export const getTaskStateQuery = defineQuery<TaskWorkflowState>('getTaskState');
/** Sent when automation has already closed the task in the database (e.g. its lead died). */
export const taskClosedSignal = defineSignal<[{ status: 'COMPLETED' | 'CANCELLED' }]>('taskClosed');
/** start / submit / approve / reject / complete / cancel, validated by the domain's task rules. */
export const transitionTaskUpdate = defineUpdate<TaskWorkflowState, [TransitionTaskInput]>('transitionTask');
export const reassignTaskUpdate = defineUpdate<TaskWorkflowState, [{ assigneeId: string; actor: TaskActor }]>('reassignTask');
/** Moves the due date and re-arms the overdue timer. */
export const rescheduleTaskUpdate = defineUpdate<TaskWorkflowState, [{ dueAt: string; actor: TaskActor }]>('rescheduleTask');
export const changeTaskPriorityUpdate = defineUpdate<TaskWorkflowState, [{ priority: TaskPriority; actor: TaskActor }]>('changeTaskPriority');
export const addTaskNoteUpdate = defineUpdate<{ noteId: string }, [{ body: string; actor: TaskActor }]>('addTaskNote');
