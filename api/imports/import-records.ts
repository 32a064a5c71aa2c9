import { assertActiveOwner } from '../leads/assert-active-owner';
import fs from 'node:fs';
import path from 'node:path';
import type { Response } from 'express';
import { stringify } from 'csv-stringify';
import type { StartImportFields } from '../../domain/imports/import-fields';
import type { ImportMapping } from '../../domain/imports/import-fields';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { recordImportProgress, toImportJson } from '../../db/writes/import-batch';
import { AppError } from '../errors';
import { assertPermission } from '../permissions/assert-permission';
import type { TemporalDeps } from '../temporal/client';
import { startRecordWorkflow } from '../temporal/start-record-workflow';
import { startOrLog } from '../temporal/start-workflow';
import { importWorkflowStart } from '../temporal/workflow-starts';
import { readImportPlan } from './read-import-plan';
import { markSampleDuplicates } from './sample-duplicates';
import type { ReceivedImportFile } from './receive-import-file';

const importSubject = (createdById: string | null) => ({ type: 'import' as const, createdById });

/** Whether the user may import lists at all: checked before an upload is read, so one who may not cannot make the server take in 300 MB. */
export function assertMayImport(actor: PublicUser): void {
  assertPermission(actor, 'create', importSubject(actor.id));
}

/** The preview of `POST /api/imports/preview`, each sample row marked when the import would count it a duplicate: nothing is kept. */
export async function previewImport(db: Db, file: ReceivedImportFile, mapping: ImportMapping | undefined, actor: PublicUser) {
  assertMayImport(actor);
  const plan = await readImportPlan(file.path, mapping);
  return { ...plan, sample: await markSampleDuplicates(db, plan.sample) };
}

/**
 * Keeps the file under `<dir>/<id>.csv`, saves the import (QUEUED, with its `import.progress`
 * event) and starts `import-<id>`; the answer does not wait for the rows.
 */
export async function startImport(deps: TemporalDeps & { db: Db; dir: string }, file: ReceivedImportFile, fields: StartImportFields, actor: PublicUser) {
  assertMayImport(actor);
  const { db } = deps;
  const ownerId = fields.ownerId ?? actor.id;
  if (fields.ownerId) await assertActiveOwner(db, ownerId);
  const plan = await readImportPlan(file.path, fields.mapping, 0);
  const row = await db.import.create({
    data: {
      status: 'QUEUED',
      provider: plan.provider,
      fileName: file.originalName.slice(0, 200) || 'list.csv',
      filePath: '',
      headers: JSON.stringify(plan.headers),
      mapping: JSON.stringify(plan.mapping),
      ownerId,
      createdById: actor.id,
      tags: JSON.stringify(fields.tags),
      onDuplicate: fields.onDuplicate,
    },
  });
  const kept = path.resolve(deps.dir, `${row.id}.csv`);
  await fs.promises.rename(file.path, kept);
  const saved = await db.$transaction(async (tx) => {
    const updated = await tx.import.update({ where: { id: row.id }, data: { filePath: kept } });
    await recordImportProgress(tx, updated);
    return updated;
  });
  // Temporal unreachable: the import stays QUEUED and the worker's reconciler starts it.
  await startOrLog(`import ${row.id}`, () => startRecordWorkflow(deps, 'import', row.id, importWorkflowStart(row.id)));
  return { id: saved.id, status: saved.status };
}

async function findImport(db: Db, id: string, actor: PublicUser) {
  const row = await db.import.findUnique({ where: { id } });
  if (!row) throw new AppError('NOT_FOUND', 'No such import');
  assertPermission(actor, 'read', importSubject(row.createdById));
  return row;
}

export async function getImport(db: Db, id: string, actor: PublicUser) {
  return toImportJson(await findImport(db, id, actor));
}

/** The newest 100 imports: every one for supervisors and admins, one's own for the others. */
export async function listImports(db: Db, actor: PublicUser) {
  const everyone = actor.role === 'ADMIN' || actor.role === 'SUPERVISOR';
  const rows = await db.import.findMany({ where: everyone ? {} : { createdById: actor.id }, orderBy: { createdAt: 'desc' }, take: 100 });
  return { items: rows.map(toImportJson) };
}

/** Asks the import to stop after the batch it is writing; what was imported stays. 409 once it has ended. */
export async function cancelImport(db: Db, id: string, actor: PublicUser) {
  const row = await findImport(db, id, actor);
  assertPermission(actor, 'update', importSubject(row.createdById));
  if (row.status !== 'QUEUED' && row.status !== 'RUNNING') throw new AppError('CONFLICT', `The import has already ended (${row.status.toLowerCase()})`);
  const updated = await db.$transaction(async (tx) => {
    const changed = await tx.import.update({ where: { id }, data: { cancelRequestedAt: row.cancelRequestedAt ?? new Date() } });
    await recordImportProgress(tx, changed);
    return changed;
  });
  return toImportJson(updated);
}

// A cell a spreadsheet would run as a formula is written as text.
const safeCell = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** `errors.csv`: row (line in the file), reason, then the row's original values, streamed a page at a time. */
export async function sendImportErrors(db: Db, id: string, actor: PublicUser, res: Response): Promise<void> {
  const row = await findImport(db, id, actor);
  const headers = JSON.parse(row.headers) as string[];
  res.type('text/csv; charset=utf-8');
  res.attachment(`${row.fileName.replace(/\.csv$/i, '')}-row-report.csv`);
  const csv = stringify({ header: true, columns: ['row', 'reason', ...headers], bom: true });
  csv.pipe(res);
  let after = 0;
  for (;;) {
    const page = await db.importError.findMany({ where: { importId: id, id: { gt: after } }, orderBy: { id: 'asc' }, take: 1000 });
    for (const error of page) {
      const values = JSON.parse(error.values) as Record<string, string>;
      if (!csv.write([String(error.rowNumber), safeCell(error.reason), ...headers.map((header) => safeCell(values[header] ?? ''))])) {
        await new Promise((resolve) => csv.once('drain', resolve));
      }
    }
    if (page.length < 1000) break;
    after = page[page.length - 1]!.id;
  }
  csv.end();
}
