import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { TaskActor } from '../../domain/tasks/task-actions';
import type { TaskAction, TaskPriority, TaskStatus } from '../../domain/tasks/task.schema';

export interface TaskWorkflowState {
  taskId: string;
  status: TaskStatus;
  assigneeId: string | null;
  createdById: string | null;
  requiresReview: boolean;
  priority: TaskPriority;
  dueAt: string;
  overdue: boolean;
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
