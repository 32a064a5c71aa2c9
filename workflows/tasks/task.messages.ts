import { defineQuery } from '@temporalio/workflow';

export interface TaskWorkflowState {
  taskId: string;
  status: string;
  assigneeId: string | null;
}

export const getTaskStateQuery = defineQuery<TaskWorkflowState>('getTaskState');
