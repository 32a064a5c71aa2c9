import { Context } from '@temporalio/activity';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import type { LeadStatus } from '../domain/leads/lead.schema';
import { IMPORT_BATCH_SIZE, importMappingSchema } from '../domain/imports/import-fields';
import { fieldColumns, mapImportRow } from '../domain/imports/map-import-row';
import type { Db } from '../db/client';
import { readBatchFile, removeBatchFiles, splitImportFile } from '../db/import-files';
import { listUnstartedImportedLeads, recordImportProgress, recordImportTick, writeImportBatch, type BatchRow } from '../db/writes/import-batch';
import { lastImportProgressAt } from '../db/queries/import-progress';
import { startWorkflow } from '../api/temporal/start-workflow';
import { markWorkflowsStarted } from '../db/writes/mark-workflow-started';
import { leadWorkflowStart } from '../api/temporal/workflow-starts';

export interface ImportDeps {
  db: Db;
  /** Lead workflows one activity starts at once. */
  startConcurrency?: number;
  /** The longest an import goes without an `import.progress` event while it runs. */
  progressEveryMs?: number;
}

// How often the progress follower looks: well under the longest gap, so a tick is never late by much.
const PROGRESS_LOOK_MS = 200;

// A write transaction should hold the database about this long: long enough to write rows
// efficiently, short enough for live requests and progress ticks to get in between.
const CHUNK_TARGET_MS = 250;
const CHUNK_ROWS = { min: 25, start: 250, max: IMPORT_BATCH_SIZE };

/** The next transaction's rows: halved after a slow write, doubled after a quick one. */
function fitChunk(rows: number, tookMs: number): number {
  if (tookMs > CHUNK_TARGET_MS * 2) return Math.max(CHUNK_ROWS.min, Math.floor(rows / 2));
  if (tookMs < CHUNK_TARGET_MS / 2) return Math.min(CHUNK_ROWS.max, rows * 2);
  return rows;
}

const FINAL = ['COMPLETED', 'FAILED', 'CANCELLED'];

/** A worker shutting down (or the workflow gone) cancels the activity: it stops between writes, and a retry carries on from the cursor. */
function stopIfCancelled(): void {
  if (Context.current().cancellationSignal.aborted) throw new CancelledFailure('import activity cancelled: it carries on from its cursor when retried');
}

export function createImportActivities({ db, startConcurrency = 16, progressEveryMs = 1000 }: ImportDeps) {
  // Fitted as the worker writes, and kept for its next batches.
  let chunkRows = CHUNK_ROWS.start;
  const findImport = async (importId: string) => {
    const row = await db.import.findUnique({ where: { id: importId } });
    if (!row) throw ApplicationFailure.nonRetryable(`Import ${importId} does not exist`, 'NOT_FOUND');
    return row;
  };

  return {
    /**
     * Splits the stored file into batch files and counts its rows (once: a retry after the count is
     * written reads it back). The import is RUNNING from here, with its total.
     */
    async prepareImport({ importId }: { importId: string }): Promise<{ batchCount: number }> {
      const row = await findImport(importId);
      if (row.batchCount !== null) return { batchCount: row.batchCount };
      let split;
      try {
        split = await splitImportFile(row.filePath, IMPORT_BATCH_SIZE, () => Context.current().heartbeat());
      } catch (error) {
        // A file csv-parse cannot read stays unreadable: no retry.
        if (error instanceof Error && 'code' in error && String(error.code).startsWith('CSV_')) throw ApplicationFailure.nonRetryable(`The file cannot be read as CSV: ${error.message}`, 'UNREADABLE_FILE');
        throw error;
      }
      const { total, batchCount } = split;
      await db.$transaction(async (tx) => {
        const updated = await tx.import.update({ where: { id: importId }, data: { total, batchCount, status: row.status === 'QUEUED' ? 'RUNNING' : row.status } });
        await recordImportProgress(tx, updated);
      });
      return { batchCount };
    },

    /**
     * Batch `batch`: its rows mapped and written with the cursor (see writeImportBatch), in
     * transactions kept short (`chunkRows` rows, fitted to how long a write takes here), so the
     * database is never held long, live requests wait little, and progress is told between them.
     * Rows already written are skipped, so a worker killed mid-import resumes at the first row not
     * committed. Stops (cancelled) when a cancel was asked for, after the rows being written.
     */
    async importBatch({ importId, batch }: { importId: string; batch: number }): Promise<{ cancelled: boolean; created: number }> {
      let row = await findImport(importId);
      if (row.nextBatch > batch) return { cancelled: false, created: 0 };
      // Batches are written in order: an earlier one still open is a bug, retried rather than skipped.
      if (row.nextBatch < batch) throw new Error(`import ${importId}: batch ${batch} asked for before batch ${row.nextBatch} was written`);
      const mapping = importMappingSchema.parse(JSON.parse(row.mapping));
      const byField = fieldColumns(mapping);
      const rows = await readBatchFile(row.filePath, batch);
      const mapped: BatchRow[] = rows.map(({ rowNumber, values }) => ({ rowNumber, values, ...mapImportRow(values, byField) }));
      let created = 0;
      for (;;) {
        if (row.cancelRequestedAt) return { cancelled: true, created };
        const offset = row.processed - batch * IMPORT_BATCH_SIZE;
        if (row.nextBatch > batch || offset >= mapped.length) return { cancelled: false, created };
        const chunk = mapped.slice(offset, offset + chunkRows);
        const began = Date.now();
        const result = await writeImportBatch(db, importId, { batch, offset, last: offset + chunk.length >= mapped.length }, chunk);
        chunkRows = fitChunk(chunkRows, Date.now() - began);
        created += result.created;
        stopIfCancelled();
        Context.current().heartbeat();
        row = await findImport(importId);
      }
    },

    /**
     * Starts `lead-<id>` for the import's leads that have none yet, `startConcurrency` at a time;
     * the reconciler starts whatever is left if this activity stops.
     */
    async startImportedLeadWorkflows({ importId }: { importId: string }): Promise<{ started: number }> {
      const context = Context.current();
      const deps = { db, temporal: context.client, taskQueue: context.info.taskQueue };
      let started = 0;
      for (;;) {
        const leads = await listUnstartedImportedLeads(db, importId, 200);
        if (leads.length === 0) return { started };
        for (let index = 0; index < leads.length; index += startConcurrency) {
          const slice = leads.slice(index, index + startConcurrency);
          const starts = await Promise.allSettled(
            slice.map((lead) => startWorkflow(deps, leadWorkflowStart({ leadId: lead.id, status: lead.status as LeadStatus, ownerId: lead.ownerId, coldList: true }), 10_000)),
          );
          // The started ones marked in one write (not one per lead: 100k of them share the database with the live app).
          await markWorkflowsStarted(db, 'lead', slice.filter((_, at) => starts[at]!.status === 'fulfilled').map((lead) => lead.id));
          const failed = starts.find((start) => start.status === 'rejected');
          if (failed) throw failed.reason;
          stopIfCancelled();
          context.heartbeat(started);
        }
        started += leads.length;
      }
    },

    /**
     * Runs beside the import until it ends: whenever no `import.progress` event has been written for
     * most of `progressEveryMs` (a batch being written, a big file being split), writes one with the
     * counts as they stand, so a progress bar hears from a running import at least once a second.
     */
    async followImportProgress({ importId }: { importId: string }): Promise<void> {
      const context = Context.current();
      for (;;) {
        const row = await findImport(importId);
        if (FINAL.includes(row.status)) return;
        const last = await lastImportProgressAt(db, importId);
        if (!last || Date.now() - last.getTime() >= progressEveryMs - 2 * PROGRESS_LOOK_MS) await recordImportTick(db, importId);
        context.heartbeat();
        await context.sleep(PROGRESS_LOOK_MS);
      }
    },

    /** The import ends: COMPLETED, or CANCELLED when a cancel stopped it; the batch files go. */
    async finishImport({ importId, cancelled }: { importId: string; cancelled: boolean }): Promise<void> {
      const row = await findImport(importId);
      if (!FINAL.includes(row.status)) {
        await db.$transaction(async (tx) => {
          const updated = await tx.import.update({ where: { id: importId }, data: { status: cancelled ? 'CANCELLED' : 'COMPLETED', finishedAt: new Date() } });
          await recordImportProgress(tx, updated);
        });
      }
      await removeBatchFiles(row.filePath);
    },

    /** The import could not go on (its file unreadable): FAILED with the reason; what was written stays. */
    async failImport({ importId, reason }: { importId: string; reason: string }): Promise<void> {
      const row = await findImport(importId);
      if (FINAL.includes(row.status)) return;
      await db.$transaction(async (tx) => {
        const updated = await tx.import.update({ where: { id: importId }, data: { status: 'FAILED', failure: reason.slice(0, 500), finishedAt: new Date() } });
        await recordImportProgress(tx, updated);
      });
    },
  };
}
export type ImportActivities = ReturnType<typeof createImportActivities>;
