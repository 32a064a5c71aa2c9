import type { UpdateDefinition } from '@temporalio/common';
import type { Db } from '../../db/client';
import type { TemporalDeps } from '../temporal/client';
import { updateWithStart } from '../temporal/update-with-start';
import { taskWorkflowStart } from '../temporal/workflow-starts';

export type TaskUpdateDeps = TemporalDeps & { db: Db };

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
  return updateWithStart(deps, taskWorkflowStart(taskId), update, ...args);
}
