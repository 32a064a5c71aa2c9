import { defineQuery, defineSignal } from '@temporalio/workflow';

export interface TaskWorkflowState {
  taskId: string;
  status: string;
  assigneeId: string | null;
}

export const getTaskStateQuery = defineQuery<TaskWorkflowState>('getTaskState');
/** Sent when automation has already closed the task in the database (e.g. its lead died). */
export const taskClosedSignal = defineSignal<[{ status: 'COMPLETED' | 'CANCELLED' }]>('taskClosed');
