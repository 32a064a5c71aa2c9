import type { SignalDefinition } from '@temporalio/common';
import type { TemporalDeps } from './client';
import { toWorkflowError } from './workflow-failure';

/** Signals a running workflow; none running under the id is a 404. */
export async function signalWorkflow<Args extends unknown[]>(
  deps: Pick<TemporalDeps, 'temporal'>,
  workflowId: string,
  signal: SignalDefinition<Args>,
  ...args: Args
): Promise<void> {
  try {
    await deps.temporal.workflow.getHandle(workflowId).signal(signal, ...args);
  } catch (error) {
    throw toWorkflowError(error);
  }
}
