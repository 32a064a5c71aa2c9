import type { Client } from '@temporalio/client';

/** Asks the Temporal server for its system info within `ms`; rejects when it cannot be reached. */
export async function pingTemporal(temporal: Client, ms: number): Promise<void> {
  // A deadline on the call itself: the client would otherwise keep retrying an unreachable server.
  await temporal.connection.withDeadline(Date.now() + ms, () => temporal.workflowService.getSystemInfo({}));
}
