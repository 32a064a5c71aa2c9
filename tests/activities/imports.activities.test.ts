import path from 'node:path';
import { MockActivityEnvironment } from '@temporalio/testing';
import { readImportPlan } from '../../api/imports/read-import-plan';
import { readBatchFile } from '../../db/import-files';
import { fieldColumns, mapImportRow } from '../../domain/imports/map-import-row';
import { writeGeneratedList } from '../support/import-files';
import { createImportActivities } from '../../activities/imports.activities';
import { recordImportTick, writeImportBatch } from '../../db/writes/import-batch';
import { buildUser } from '../support/factories';
import { createTestDb, type TestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb?.close();
});

const progressEvents = (importId: string) => testDb.db.event.findMany({ where: { entityType: 'import', entityId: importId, action: 'progress' }, orderBy: { id: 'asc' } });

async function buildImport(status: string, importerId: string) {
  return testDb.db.import.create({
    data: { status, fileName: 'list.csv', filePath: '/nowhere/list.csv', headers: '[]', mapping: '{}', ownerId: importerId, createdById: importerId, total: 3000, processed: 1000, created: 900, duplicates: 60, errors: 40, nextBatch: 1, batchCount: 3 },
  });
}

describe('followImportProgress', () => {
  it('tells the progress of a running import while no batch commits, to its importer, and stops once it has ended', async () => {
    const importer = await buildUser(testDb.db, { role: 'SUPERVISOR' });
    const row = await buildImport('RUNNING', importer.id);
    const { followImportProgress } = createImportActivities({ db: testDb.db });

    const following = new MockActivityEnvironment().run(followImportProgress, { importId: row.id });
    // Nothing else writes to this import: every event is the follower's.
    await waitUntil('three progress ticks', async () => ((await progressEvents(row.id)).length >= 3 ? true : null), 30_000);
    await testDb.db.import.update({ where: { id: row.id }, data: { status: 'COMPLETED', processed: 3000, finishedAt: new Date() } });
    await following;

    const ticks = await progressEvents(row.id);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (const tick of ticks) {
      expect(tick).toMatchObject({ audienceUserId: importer.id, actorId: importer.id });
      expect(JSON.parse(tick.payload)).toMatchObject({ id: row.id, status: 'RUNNING', total: 3000, processed: 1000, created: 900, duplicates: 60, errors: 40 });
    }
    // Ended: a tick asked for now writes nothing.
    expect(await recordImportTick(testDb.db, row.id)).toBe(false);
    expect(await progressEvents(row.id)).toHaveLength(ticks.length);
  });

  it('returns at once for an import that has already ended, writing nothing', async () => {
    const importer = await buildUser(testDb.db, { role: 'ADMIN' });
    const row = await buildImport('CANCELLED', importer.id);
    const { followImportProgress } = createImportActivities({ db: testDb.db });
    await new MockActivityEnvironment().run(followImportProgress, { importId: row.id });
    expect(await progressEvents(row.id)).toEqual([]);
  });
});

describe('importBatch', () => {
  it('writes a batch in several transactions and, stopped after the first, resumes at the first row not written: no row twice, none lost; run again it writes nothing', async () => {
    const importer = await buildUser(testDb.db, { role: 'SUPERVISOR' });
    const file = writeGeneratedList(path.join(path.dirname(testDb.file), 'resume.csv'), 1_500, { street: 'Resume Row', badEvery: 50 });
    const plan = await readImportPlan(file, undefined, 0);
    const row = await testDb.db.import.create({
      data: { fileName: 'resume.csv', filePath: file, headers: JSON.stringify(plan.headers), mapping: JSON.stringify(plan.mapping), ownerId: importer.id, createdById: importer.id },
    });
    const activities = createImportActivities({ db: testDb.db });
    const run = <A extends unknown[], R>(fn: (...args: A) => Promise<R>, ...args: A): Promise<R> => new MockActivityEnvironment().run(fn, ...args);
    expect(await run(activities.prepareImport, { importId: row.id })).toEqual({ batchCount: 2 });

    // A worker wrote the first 100 rows of batch 0 in one transaction, then died.
    const first = (await readBatchFile(file, 0)).slice(0, 100);
    const byField = fieldColumns(plan.mapping);
    await writeImportBatch(testDb.db, row.id, { batch: 0, offset: 0, last: false }, first.map(({ rowNumber, values }) => ({ rowNumber, values, ...mapImportRow(values, byField) })));
    expect(await testDb.db.import.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ nextBatch: 0, processed: 100 });

    await run(activities.importBatch, { importId: row.id, batch: 0 });
    const afterBatch0 = await testDb.db.import.findUniqueOrThrow({ where: { id: row.id } });
    expect(afterBatch0).toMatchObject({ nextBatch: 1, processed: 1_000, created: 980, errors: 20, duplicates: 0 });
    expect(await run(activities.importBatch, { importId: row.id, batch: 0 })).toEqual({ cancelled: false, created: 0 });
    await run(activities.importBatch, { importId: row.id, batch: 1 });

    const done = await testDb.db.import.findUniqueOrThrow({ where: { id: row.id } });
    expect(done).toMatchObject({ nextBatch: 2, processed: 1_500, created: 1_470, errors: 30, duplicates: 0 });
    const leads = await testDb.db.lead.findMany({ where: { importId: row.id }, select: { street: true } });
    const streets = leads.map((lead) => lead.street);
    expect(new Set(streets).size).toBe(streets.length);
    expect(streets).toHaveLength(1_470);
    const errorRows = await testDb.db.importError.findMany({ where: { importId: row.id }, select: { rowNumber: true } });
    expect(errorRows.map((error) => error.rowNumber).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, index) => (index + 1) * 50 + 1));
  });
});
