import { WorkflowIdConflictPolicy } from '@temporalio/client';
import type { Workflow } from '@temporalio/common';
import type { TemporalDeps } from './client';
import { toWorkflowError } from './workflow-failure';
import type { WorkflowStart } from './workflow-starts';

/** Starts the workflow; one already running under the id is kept. */
export async function startWorkflow<W extends Workflow>(deps: TemporalDeps, start: WorkflowStart<W>): Promise<void> {
  try {
    await deps.temporal.workflow.start<Workflow>(start.workflowType, {
      workflowId: start.workflowId,
      taskQueue: deps.taskQueue,
      args: start.args,
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    });
  } catch (error) {
    throw toWorkflowError(error);
  }
}

/**
 * For a record saved before its workflow starts: the record is kept either way, so a start that
 * fails (Temporal down) is logged rather than answered; each caller says what starts it later.
 */
export async function startOrLog(what: string, start: () => Promise<void>): Promise<void> {
  try {
    await start();
  } catch (error) {
    console.error(`${what}: workflow not started yet:`, error instanceof Error ? error.message : error);
  }
}
