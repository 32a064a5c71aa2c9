import {
  ActivityFailure,
  ApplicationFailure,
  WithStartWorkflowOperation,
  WorkflowIdConflictPolicy,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { Db } from '../../db/client';
import type { taskWorkflow } from '../../workflows/tasks/task.workflow';
import { AppError } from '../errors';

export interface TaskUpdateDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
}

const STATUS_OF_FAILURE: Record<string, 'FORBIDDEN' | 'CONFLICT'> = { FORBIDDEN: 'FORBIDDEN', CONFLICT: 'CONFLICT' };

/** A refused Update as our error: the validator's FORBIDDEN/CONFLICT, or what an activity could not do (422). */
function refusal(error: WorkflowUpdateFailedError): AppError {
  const cause = error.cause;
  if (cause instanceof ApplicationFailure) return new AppError(STATUS_OF_FAILURE[cause.type ?? ''] ?? 'CONFLICT', cause.message);
  if (cause instanceof ActivityFailure && cause.cause instanceof ApplicationFailure) return new AppError('UNPROCESSABLE', cause.cause.message);
  return new AppError('CONFLICT', cause?.message ?? error.message);
}

/**
 * Sends an Update to `task-<id>`. A task whose workflow is not running (closed, or saved while
 * Temporal was down) gets a new run, which loads the task and lets the same rules answer.
 */
export async function runTaskUpdate<Ret, Args extends [unknown, ...unknown[]]>(
  deps: TaskUpdateDeps,
  taskId: string,
  update: UpdateDefinition<Ret, Args>,
  ...args: Args
): Promise<Ret> {
  const startWorkflowOperation = new WithStartWorkflowOperation<typeof taskWorkflow>('taskWorkflow', {
    workflowId: `task-${taskId}`,
    taskQueue: deps.taskQueue,
    args: [{ taskId }],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
  });
  try {
    return await deps.temporal.workflow.executeUpdateWithStart(update, { args, startWorkflowOperation });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) throw refusal(error);
    throw error;
  }
}
