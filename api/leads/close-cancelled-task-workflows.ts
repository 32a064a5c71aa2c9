import { taskWorkflowId } from '../../domain/workflow-ids';
import { taskClosedSignal } from '../../workflows/tasks/task.messages';
import type { TemporalDeps } from '../temporal/client';
import { signalWorkflow } from '../temporal/signal-workflow';

/** Tells the workflows of tasks cancelled by a write outside them (a merge) that their task is closed, so they end. */
export async function closeCancelledTaskWorkflows(deps: TemporalDeps, taskIds: readonly string[]): Promise<void> {
  for (const taskId of taskIds) {
    await signalWorkflow(deps, taskWorkflowId(taskId), taskClosedSignal, { status: 'CANCELLED' }).catch((error: unknown) => {
      // A task workflow that has ended (or never started) has nothing to close.
      console.error(`task ${taskId}: workflow not told it was cancelled:`, error instanceof Error ? error.message : error);
    });
  }
}
