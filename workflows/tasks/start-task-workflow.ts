import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { getExternalWorkflowHandle, ParentClosePolicy, startChild } from '@temporalio/workflow';
import { taskWorkflowId } from '../../domain/workflow-ids';
import { taskClosedSignal, type TaskWorkflow } from './task.messages';

/** Starts the task's workflow as a child that outlives its parent; a task whose workflow already runs is left alone. */
export async function startTaskWorkflow(taskId: string): Promise<void> {
  try {
    await startChild<TaskWorkflow>('taskWorkflow', {
      workflowId: taskWorkflowId(taskId),
      args: [{ taskId }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}

/** Tells the task's workflow that automation closed its task, so the workflow ends too. */
export async function signalTaskClosed(taskId: string, status: 'COMPLETED' | 'CANCELLED' = 'CANCELLED'): Promise<void> {
  try {
    await getExternalWorkflowHandle(taskWorkflowId(taskId)).signal(taskClosedSignal, { status });
  } catch {
    // Only fails when the task's workflow has already ended (it saw the change itself).
  }
}
