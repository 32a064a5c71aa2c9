import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { ensureSearchAttributes } from '../../worker/search-attributes';
import { readImportPlan } from '../../api/imports/read-import-plan';
import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { importWorkflowId } from '../../domain/workflow-ids';
import { createFlipstackkWorker } from '../../worker/create-worker';
import type { importWorkflow } from '../../workflows/imports/import.workflow';
import { buildUser } from '../support/factories';
import { writeGeneratedList } from '../support/import-files';
import { startTemporalDevServer, workflowBundle } from '../support/temporal-env';
import { createTestDb, type TestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

const TASK_QUEUE = 'import-workflow-test';

let env: TestWorkflowEnvironment;
let testDb: TestDb;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipstackk-import-workflow-'));

beforeAll(async () => {
  [env, testDb] = await Promise.all([startTemporalDevServer(), createTestDb()]);
});

afterAll(async () => {
  await env?.teardown();
  await testDb?.close();
});

const newWorker = async () =>
  createFlipstackkWorker({ connection: env.nativeConnection, namespace: env.namespace ?? 'default', taskQueue: TASK_QUEUE, db: testDb.db, deadlines: DEFAULT_DEADLINES, workflowBundle: await workflowBundle() });

describe('importWorkflow', () => {
  it('a worker shut down after the first batch is written, with the next in flight, and a new one started: every row counted once, no lead twice, none lost, every lead\'s workflow started once the rows are in', async () => {
    const { db } = testDb;
    const importer = await buildUser(db, { role: 'SUPERVISOR' });
    // 1,010 owners (every 40th with a bad zip), then 20 rows repeating owners from the first batch: 2 batches, of 1,000 and 30.
    const file = writeGeneratedList(path.join(dir, 'killed.csv'), 1_010, { street: 'Resumed Rd', badEvery: 40 });
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    fs.appendFileSync(file, `${lines.slice(1, 21).join('\n')}\n`);
    const plan = await readImportPlan(file, undefined, 0);
    const row = await db.import.create({
      data: { fileName: 'killed.csv', filePath: file, headers: JSON.stringify(plan.headers), mapping: JSON.stringify(plan.mapping), ownerId: importer.id, createdById: importer.id },
    });

    // The first worker writes the first batch; its next batch is still in flight (held) when the worker is shut down.
    const activities = createActivities({ db, deadlines: DEFAULT_DEADLINES });
    const writeBatch = activities.importBatch;
    let held = false;
    activities.importBatch = async (input) => {
      if (input.batch === 0) return writeBatch(input);
      held = true;
      // Until the shutdown cancels it: the attempt fails, and the batch is retried on the next worker.
      return Context.current().cancelled;
    };
    await ensureSearchAttributes(env.nativeConnection, env.namespace ?? 'default');
    const first = await Worker.create({ connection: env.nativeConnection, namespace: env.namespace ?? 'default', taskQueue: TASK_QUEUE, activities, workflowBundle: await workflowBundle() });
    const handle = await first.runUntil(async () => {
      const started = await env.client.workflow.start<typeof importWorkflow>('importWorkflow', { workflowId: importWorkflowId(row.id), taskQueue: TASK_QUEUE, args: [{ importId: row.id }] });
      await waitUntil('the first batch written and the second in flight', async () => held && (await db.import.findUniqueOrThrow({ where: { id: row.id } })).nextBatch === 1);
      return started;
    });
    const stopped = await db.import.findUniqueOrThrow({ where: { id: row.id } });
    expect(stopped).toMatchObject({ status: 'RUNNING', nextBatch: 1, processed: 1_000 });
    expect(await db.lead.count({ where: { importId: row.id } })).toBe(stopped.created);
    // The written leads wait for the rest of the rows before their workflows start.
    expect(await db.lead.count({ where: { importId: row.id, workflowStartedAt: null } })).toBe(stopped.created);

    // A new worker carries on from the cursor.
    const second = await newWorker();
    await second.runUntil(async () => {
      expect(await handle.result()).toEqual({ cancelled: false });
    });

    const done = await db.import.findUniqueOrThrow({ where: { id: row.id } });
    // 1,010 owners, 25 bad zips, the 20 repeats of good owners are duplicates (the 1st–20th owners have good zips).
    expect(done).toMatchObject({ status: 'COMPLETED', total: 1_030, processed: 1_030, created: 985, duplicates: 20, errors: 25, nextBatch: 2 });
    const leads = await db.lead.findMany({ where: { importId: row.id }, select: { street: true, workflowStartedAt: true } });
    expect(leads).toHaveLength(985);
    expect(new Set(leads.map((lead) => lead.street)).size).toBe(985);
    // Every imported lead has its workflow (the workflow ends after starting the last of them).
    expect(leads.filter((lead) => lead.workflowStartedAt === null)).toEqual([]);
    // The row report: the 25 bad rows and the 20 duplicates (file rows 1,012–1,031), each once.
    const reported = await db.importError.findMany({ where: { importId: row.id }, select: { rowNumber: true, reason: true } });
    const errors = reported.filter((error) => !error.reason.startsWith('duplicate of '));
    expect(new Set(errors.map((error) => error.rowNumber)).size).toBe(25);
    expect(errors.map((error) => error.rowNumber).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, index) => (index + 1) * 40 + 1));
    const duplicates = reported.filter((error) => error.reason.startsWith('duplicate of '));
    expect(duplicates.map((duplicate) => duplicate.rowNumber).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => 1_012 + index));
    // Its progress reached COMPLETED, the last event of the import.
    const last = await db.event.findFirstOrThrow({ where: { entityType: 'import', entityId: row.id }, orderBy: { id: 'desc' } });
    expect(JSON.parse(last.payload)).toMatchObject({ status: 'COMPLETED', processed: 1_030 });
  });
});
