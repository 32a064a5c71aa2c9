import type { SignalDefinition } from '@temporalio/common';
import type { TemporalDeps } from './client';
import { toWorkflowError } from './workflow-failure';

/** How long a signal may take: a route does not hang on an unreachable server. */
const SIGNAL_DEADLINE_MS = 2_000;

/** Signals a running workflow; none running under the id is a 404, Temporal unreachable a 503. */
export async function signalWorkflow<Args extends unknown[]>(
  deps: Pick<TemporalDeps, 'temporal'>,
  workflowId: string,
  signal: SignalDefinition<Args>,
  ...args: Args
): Promise<void> {
  try {
    await deps.temporal.connection.withDeadline(Date.now() + SIGNAL_DEADLINE_MS, () => deps.temporal.workflow.getHandle(workflowId).signal(signal, ...args));
  } catch (error) {
    throw toWorkflowError(error);
  }
}
