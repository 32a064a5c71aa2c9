import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { LeadStatus } from '../domain/leads/lead.schema';
import { IMPORT_BATCH_SIZE, importMappingSchema } from '../domain/imports/import-fields';
import { fieldColumns, mapImportRow } from '../domain/imports/map-import-row';
import type { Db } from '../db/client';
import { readBatchFile, removeBatchFiles, splitImportFile } from '../db/import-files';
import { listUnstartedImportedLeads, recordImportProgress, writeImportBatch, type BatchRow } from '../db/writes/import-batch';
import { startRecordWorkflow } from '../api/temporal/start-record-workflow';
import { leadWorkflowStart } from '../api/temporal/workflow-starts';

export interface ImportDeps {
  db: Db;
  /** Lead workflows one activity starts at once. */
  startConcurrency?: number;
}

const FINAL = ['COMPLETED', 'FAILED', 'CANCELLED'];

export function createImportActivities({ db, startConcurrency = 16 }: ImportDeps) {
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
     * Batch `batch`: its rows mapped and written in one transaction with the cursor (see
     * writeImportBatch). A batch already written is skipped, so a worker killed mid-import resumes
     * at the first batch not committed. Stops (cancelled) when a cancel was asked for.
     */
    async importBatch({ importId, batch }: { importId: string; batch: number }): Promise<{ cancelled: boolean; created: number }> {
      const row = await findImport(importId);
      if (row.nextBatch > batch) return { cancelled: false, created: 0 };
      if (row.cancelRequestedAt) return { cancelled: true, created: 0 };
      const mapping = importMappingSchema.parse(JSON.parse(row.mapping));
      const byField = fieldColumns(mapping);
      const rows = await readBatchFile(row.filePath, batch);
      const mapped: BatchRow[] = rows.map(({ rowNumber, values }) => ({ rowNumber, values, ...mapImportRow(values, byField) }));
      const result = await writeImportBatch(db, importId, batch, mapped);
      return { cancelled: false, created: result.created };
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
          await Promise.all(
            leads.slice(index, index + startConcurrency).map((lead) =>
              startRecordWorkflow(deps, 'lead', lead.id, leadWorkflowStart({ leadId: lead.id, status: lead.status as LeadStatus, ownerId: lead.ownerId, coldList: true }), 10_000),
            ),
          );
          context.heartbeat(started);
        }
        started += leads.length;
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
