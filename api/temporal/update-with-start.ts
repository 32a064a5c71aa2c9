import { setTimeout as sleep } from 'node:timers/promises';
import { isGrpcServiceError, WithStartWorkflowOperation, WorkflowIdConflictPolicy } from '@temporalio/client';
import type { UpdateDefinition, Workflow } from '@temporalio/common';
import type { TemporalDeps } from './client';
import { toWorkflowError } from './workflow-failure';
import type { WorkflowStart } from './workflow-starts';

/**
 * Sends an Update to the workflow and waits for its result. A workflow that is not running (it
 * ended, or its record was saved while Temporal was down) gets a new run, which receives the
 * Update, so the same rules answer; one that is closing as the Update arrives is asked again once
 * it has closed. A refusal becomes our error through ./workflow-failure.
 */
export async function updateWithStart<W extends Workflow, Ret, Args extends [unknown, ...unknown[]]>(
  deps: TemporalDeps,
  start: WorkflowStart<W>,
  update: UpdateDefinition<Ret, Args>,
  ...args: Args
): Promise<Ret> {
  return updateWithStartOnce(deps, start, update, undefined, ...args);
}

/**
 * The same, under an Update id: Temporal answers an id it has seen in the run with that
 * Update's result instead of running it again (a retried request adds one note, not two).
 */
export async function updateWithStartOnce<W extends Workflow, Ret, Args extends [unknown, ...unknown[]]>(
  deps: TemporalDeps,
  start: WorkflowStart<W>,
  update: UpdateDefinition<Ret, Args>,
  updateId: string | undefined,
  ...args: Args
): Promise<Ret> {
  for (let attempt = 0; ; attempt++) {
    const startWorkflowOperation = new WithStartWorkflowOperation<Workflow>(start.workflowType, {
      workflowId: start.workflowId,
      taskQueue: deps.taskQueue,
      args: start.args,
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    });
    try {
      return await deps.temporal.workflow.executeUpdateWithStart(update, { args, startWorkflowOperation, ...(updateId ? { updateId } : {}) });
    } catch (error) {
      if (attempt < CLOSING_RETRY_MS.length && isRefusedWhileClosing(error)) {
        await sleep(CLOSING_RETRY_MS[attempt]);
        continue;
      }
      throw toWorkflowError(error);
    }
  }
}

const GRPC_FAILED_PRECONDITION = 9;
/** How long to wait before each new try when the workflow was closing: about 1.5 s in all. */
const CLOSING_RETRY_MS = [25, 50, 100, 200, 400, 800];

/**
 * Temporal's answer when the workflow was completing as the Update reached it (an offer that has
 * just expired, a task just done): the Update was not accepted, so nothing ran, and once the run
 * has closed the same request starts a new run that answers it. (A start that cannot succeed gets
 * this answer too; it fails the same way each time and is thrown after the last try.)
 */
function isRefusedWhileClosing(error: unknown): boolean {
  return isGrpcServiceError(error) && error.code === GRPC_FAILED_PRECONDITION && /Update-with-Start could not be executed/i.test(error.details);
}
