import { WorkflowExecutionAlreadyStartedError, WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/client';
import type { Workflow } from '@temporalio/common';
import type { TemporalDeps } from './client';
import { toWorkflowError } from './workflow-failure';
import type { WorkflowStart } from './workflow-starts';

/** How long a route waits for a start: a record is saved either way, and the reconciler starts what this missed. */
const START_DEADLINE_MS = 700;

/**
 * Starts the workflow within `deadlineMs`. One already running under the id is kept, and one that
 * ran and ended counts as started too (the record's lifecycle already ran), so a start can be
 * repeated safely; with `replaceRun` (a record started again with new input) the new run replaces
 * a running one and follows an ended one. Temporal unreachable (or too slow) is a SERVICE_UNAVAILABLE AppError.
 */
export async function startWorkflow<W extends Workflow>(deps: TemporalDeps, start: WorkflowStart<W>, deadlineMs = deps.startDeadlineMs ?? START_DEADLINE_MS): Promise<void> {
  try {
    // A deadline on the call itself: without it the client retries an unreachable server.
    await deps.temporal.connection.withDeadline(Date.now() + deadlineMs, () =>
      deps.temporal.workflow.start<Workflow>(start.workflowType, {
        workflowId: start.workflowId,
        taskQueue: deps.taskQueue,
        args: start.args,
        workflowIdConflictPolicy: start.replaceRun ? WorkflowIdConflictPolicy.TERMINATE_EXISTING : WorkflowIdConflictPolicy.USE_EXISTING,
        workflowIdReusePolicy: start.replaceRun ? WorkflowIdReusePolicy.ALLOW_DUPLICATE : WorkflowIdReusePolicy.REJECT_DUPLICATE,
      }),
    );
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return;
    throw toWorkflowError(error);
  }
}

/**
 * For a record saved before its workflow starts: the record is kept either way, so a start that
 * fails (Temporal down) is logged rather than answered; the worker's reconciler starts it later.
 * Resolves whether the workflow started.
 */
export async function startOrLog(what: string, start: () => Promise<void>): Promise<boolean> {
  try {
    await start();
    return true;
  } catch (error) {
    console.error(`${what}: workflow not started yet (the reconciler will start it):`, error instanceof Error ? error.message : error);
    return false;
  }
}
