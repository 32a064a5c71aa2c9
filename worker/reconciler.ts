import type { Client } from '@temporalio/client';
import type { Db } from '../db/client';
import { listPendingWorkflows, WORKFLOW_KINDS, type PendingWorkflowRow, type WorkflowKind } from '../db/queries/pending-workflows';
import { AppError } from '../api/errors';
import { startRecordWorkflow } from '../api/temporal/start-record-workflow';
import { pendingWorkflowStart } from '../api/temporal/workflow-starts';
import { reassignTasksOfInactiveUsers } from '../api/users/reassign-open-tasks';

export interface ReconcilerOptions {
  db: Db;
  temporal: Client;
  taskQueue: string;
  /** Pause between passes; each pass goes through the whole backlog, page by page. */
  intervalMs: number;
  /** Records read and started per page, oldest first. */
  batchSize: number;
  /** Records younger than this are left to the API, which starts them as it saves them. */
  graceMs?: number;
  /** How long one start may take before Temporal counts as unreachable for this pass. */
  startDeadlineMs?: number;
  log?: (line: string) => void;
}

export interface ReconcilePass {
  started: number;
  failed: number;
  /** Open tasks moved from deactivated users to active ones. */
  reassigned: number;
  /** The pass stopped early: Temporal could not be reached. */
  unreachable: boolean;
}

export interface Reconciler {
  /** One pass over every kind, as the loop runs it; for tests and the first pass at start. */
  runOnce(): Promise<ReconcilePass>;
  stop(): Promise<void>;
}

// Starts in flight at once: enough to clear a backlog of thousands in a minute without crowding
// the Temporal server on a small machine.
const PARALLEL_STARTS = 5;

const isUnreachable = (error: unknown): boolean => error instanceof AppError && error.code === 'SERVICE_UNAVAILABLE';

/**
 * Starts the workflow of every lead, buyer, offer, task, document, queued e-mail and list import that should have one and
 * does not: a record saved while Temporal was unreachable (the API answered and logged the failed
 * start). Stateless, it reads the `workflowStartedAt IS NULL` partial indexes each pass, so a
 * restarted worker carries on where the last one stopped. A start that finds the workflow running,
 * or already ended, counts as started. Each pass then moves the open tasks deactivated users still
 * hold (a deactivation whose reassignments failed) to active users.
 */
export function startReconciler(options: ReconcilerOptions): Reconciler {
  const { db, batchSize, intervalMs, log = (line: string) => console.log(line) } = options;
  const graceMs = options.graceMs ?? 2_000;
  const startDeadlineMs = options.startDeadlineMs ?? 5_000;
  const deps = { db, temporal: options.temporal, taskQueue: options.taskQueue };
  let stopped = false;
  let wasUnreachable = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<ReconcilePass> | undefined;

  const start = async (kind: WorkflowKind, row: PendingWorkflowRow): Promise<'started' | 'failed' | 'unreachable'> => {
    try {
      await startRecordWorkflow(deps, kind, row.id, pendingWorkflowStart(kind, row), startDeadlineMs);
      return 'started';
    } catch (error) {
      if (isUnreachable(error)) return 'unreachable';
      log(`reconciler: ${kind} ${row.id}: workflow not started: ${error instanceof Error ? error.message : String(error)}`);
      return 'failed';
    }
  };

  const pass = async (): Promise<ReconcilePass> => {
    const result: ReconcilePass = { started: 0, failed: 0, reassigned: 0, unreachable: false };
    const createdBefore = new Date(Date.now() - graceMs);
    for (const kind of WORKFLOW_KINDS) {
      // Keyset pages, so a record that keeps failing never hides the ones after it.
      let after: PendingWorkflowRow | undefined;
      for (;;) {
        if (stopped) return result;
        const rows = await listPendingWorkflows(db, kind, { createdBefore, limit: batchSize, after });
        for (let index = 0; index < rows.length; index += PARALLEL_STARTS) {
          const outcomes = await Promise.all(rows.slice(index, index + PARALLEL_STARTS).map((row) => start(kind, row)));
          result.started += outcomes.filter((outcome) => outcome === 'started').length;
          result.failed += outcomes.filter((outcome) => outcome === 'failed').length;
          if (outcomes.includes('unreachable')) {
            result.unreachable = true;
            return result;
          }
        }
        if (rows.length < batchSize) break;
        after = rows[rows.length - 1];
      }
    }
    // After the starts: a task saved while Temporal was down has its workflow now, to take the Update.
    const moved = await reassignTasksOfInactiveUsers(deps);
    result.reassigned = moved.reassignedTasks.length;
    for (const { taskId, reason } of moved.unassignedTasks) log(`reconciler: task ${taskId} of a deactivated user not reassigned: ${reason}`);
    return result;
  };

  const runOnce = (): Promise<ReconcilePass> => {
    running ??= pass().finally(() => {
      running = undefined;
    });
    return running;
  };

  const loop = async (): Promise<void> => {
    try {
      const result = await runOnce();
      if (result.started > 0) log(`reconciler: started ${result.started} missing workflow(s)`);
      if (result.reassigned > 0) log(`reconciler: reassigned ${result.reassigned} open task(s) of deactivated users`);
      if (result.unreachable !== wasUnreachable) {
        log(result.unreachable ? 'reconciler: Temporal unreachable; records saved meanwhile wait for it' : 'reconciler: Temporal reachable again');
        wasUnreachable = result.unreachable;
      }
    } catch (error) {
      log(`reconciler: pass failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!stopped) timer = setTimeout(() => void loop(), intervalMs);
  };
  timer = setTimeout(() => void loop(), 0);

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
