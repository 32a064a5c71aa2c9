import { patched, proxyActivities } from '@temporalio/workflow';
import type { ImportActivities } from '../../activities/imports.activities';
import { DB_ACTIVITY_OPTIONS } from '../activity-options';

const { finishImport, failImport } = proxyActivities<ImportActivities>(DB_ACTIVITY_OPTIONS);
// A batch heartbeats after each transaction: one lost with its worker is retried within seconds, from the cursor.
const { importBatch } = proxyActivities<ImportActivities>({ ...DB_ACTIVITY_OPTIONS, heartbeatTimeout: '15 seconds' });
// Splitting a 100k-row file and starting a batch's lead workflows take longer than a write; they heartbeat.
const { prepareImport, startImportedLeadWorkflows } = proxyActivities<ImportActivities>({
  ...DB_ACTIVITY_OPTIONS,
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
});

// Follows the import for as long as it runs; heartbeats, so a worker that dies hands it on within seconds.
const { followImportProgress } = proxyActivities<ImportActivities>({
  ...DB_ACTIVITY_OPTIONS,
  startToCloseTimeout: '6 hours',
  heartbeatTimeout: '5 seconds',
});

/**
 * What made the import fail, in words a person can act on: an activity's failure wraps the error
 * it threw ("Activity task failed" around "The file cannot be read as CSV: … at line 22").
 */
function failureReason(error: unknown): string {
  let innermost = error;
  while (innermost instanceof Error && innermost.cause instanceof Error) innermost = innermost.cause;
  return innermost instanceof Error ? innermost.message : String(error);
}

export interface ImportWorkflowInput {
  importId: string;
}

// Each lead workflow start costs the Temporal server and the worker far more than writing its row
// (README "Volume and speed"): started beside the batches, they took most of the two cores the rows
// were written with.
export const IMPORT_LEADS_AFTER_ROWS_PATCH = 'import-leads-after-rows';

/**
 * One list import, workflow id `import-<id>`: the stored file is split once, then written a batch
 * at a time (each batch one transaction with its event and the cursor, so a worker killed
 * mid-import resumes at the first batch not committed). The lead workflows of the written rows are
 * started once the rows are in (`IMPORT_LEADS_AFTER_ROWS_PATCH`; before it, beside the batches), by
 * one starter a bounded number at a time, so they never flood Temporal: the list is in the app as
 * soon as the database has it, and a cold-list lead has no deadline its workflow could miss
 * meanwhile. A cancel asked for stops it after the current batch. An activity beside it all tells
 * the progress at least once a second.
 */
export async function importWorkflow({ importId }: ImportWorkflowInput): Promise<{ cancelled: boolean }> {
  let cancelled = false;
  let starter: Promise<unknown> | null = null;
  const startLeads = (): void => {
    if (starter) return;
    starter = startImportedLeadWorkflows({ importId }).finally(() => {
      starter = null;
    });
  };
  // Progress at least once a second while it runs (patch: runs started before it have no follower).
  // Its failure only costs ticks: the batches' own events still tell the progress.
  const follower = patched('import-progress-follower') ? followImportProgress({ importId }).catch(() => undefined) : null;
  const leadsAfterRows = patched(IMPORT_LEADS_AFTER_ROWS_PATCH);
  try {
    const { batchCount } = await prepareImport({ importId });
    for (let batch = 0; batch < batchCount; batch += 1) {
      const result = await importBatch({ importId, batch });
      if (result.cancelled) {
        cancelled = true;
        break;
      }
      if (!leadsAfterRows) startLeads();
    }
    await finishImport({ importId, cancelled });
  } catch (error) {
    await failImport({ importId, reason: failureReason(error) });
    await follower;
    throw error;
  }
  await follower;
  // Every imported lead's workflow: the starter in flight (runs from before the patch), then a pass over every row written.
  while (starter) await starter;
  await startImportedLeadWorkflows({ importId });
  return { cancelled };
}
