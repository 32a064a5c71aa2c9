import { WithStartWorkflowOperation, WorkflowIdConflictPolicy } from '@temporalio/client';
import type { UpdateDefinition, Workflow } from '@temporalio/common';
import type { TemporalDeps } from './client';
import { toWorkflowError } from './workflow-failure';
import type { WorkflowStart } from './workflow-starts';

/**
 * Sends an Update to the workflow and waits for its result. A workflow that is not running (it
 * ended, or its record was saved while Temporal was down) gets a new run, which receives the
 * Update, so the same rules answer. A refusal becomes our error through ./workflow-failure.
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
  const startWorkflowOperation = new WithStartWorkflowOperation<Workflow>(start.workflowType, {
    workflowId: start.workflowId,
    taskQueue: deps.taskQueue,
    args: start.args,
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
  });
  try {
    return await deps.temporal.workflow.executeUpdateWithStart(update, { args, startWorkflowOperation, ...(updateId ? { updateId } : {}) });
  } catch (error) {
    throw toWorkflowError(error);
  }
}
