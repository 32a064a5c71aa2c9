import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import { taskWorkflow } from './task.workflow';

export const taskWorkflowId = (taskId: string): string => `task-${taskId}`;

/** Starts `task-<id>` as a child that outlives its parent; a task whose workflow already runs is left alone. */
export async function startTaskWorkflow(taskId: string): Promise<void> {
  try {
    await startChild(taskWorkflow, {
      workflowId: taskWorkflowId(taskId),
      args: [{ taskId }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
