import type { Workflow } from '@temporalio/common';
import type { Db } from '../../db/client';
import type { WorkflowKind } from '../../db/queries/pending-workflows';
import { markWorkflowStarted } from '../../db/writes/mark-workflow-started';
import type { TemporalDeps } from './client';
import { startWorkflow } from './start-workflow';
import type { WorkflowStart } from './workflow-starts';

/** Starts a record's workflow and records that it runs, so the reconciler leaves the record alone. */
export async function startRecordWorkflow(
  deps: TemporalDeps & { db: Db },
  kind: WorkflowKind,
  recordId: string,
  start: WorkflowStart<Workflow>,
  deadlineMs?: number,
): Promise<void> {
  await startWorkflow(deps, start, deadlineMs);
  await markWorkflowStarted(deps.db, kind, recordId);
}
