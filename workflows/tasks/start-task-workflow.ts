import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { getExternalWorkflowHandle, ParentClosePolicy, startChild } from '@temporalio/workflow';
import { taskClosedSignal } from './task.messages';
import type { taskWorkflow } from './task.workflow';

export const taskWorkflowId = (taskId: string): string => `task-${taskId}`;

/** Starts `task-<id>` as a child that outlives its parent; a task whose workflow already runs is left alone. */
export async function startTaskWorkflow(taskId: string): Promise<void> {
  try {
    await startChild<typeof taskWorkflow>('taskWorkflow', {
      workflowId: taskWorkflowId(taskId),
      args: [{ taskId }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}

/** Tells `task-<id>` that automation closed its task, so the workflow ends too. */
export async function signalTaskClosed(taskId: string, status: 'COMPLETED' | 'CANCELLED' = 'CANCELLED'): Promise<void> {
  try {
    await getExternalWorkflowHandle(taskWorkflowId(taskId)).signal(taskClosedSignal, { status });
  } catch {
    // Only fails when the task's workflow has already ended (it saw the change itself).
  }
}
