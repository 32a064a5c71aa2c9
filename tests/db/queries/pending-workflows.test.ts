import Database from 'better-sqlite3';
import type { Prisma } from '../../../prisma/generated/client';
import { countPendingWorkflows, listPendingWorkflows, pendingWorkflowCountSql, pendingWorkflowsSql, WORKFLOW_KINDS } from '../../../db/queries/pending-workflows';
import { markWorkflowsStarted, markWorkflowStarted } from '../../../db/writes/mark-workflow-started';
import { buildLead, buildUser } from '../../support/factories';
import { testsUsePostgres } from '../../support/postgres';
import { createTestDb, type TestDb } from '../../support/test-db';

jest.setTimeout(180_000);

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb?.close();
});

/** The plan of `sql` on the test's database: SQLite's EXPLAIN QUERY PLAN, or PostgreSQL's EXPLAIN with table scans ruled out (its tables are tiny here). */
async function planOf(sql: Prisma.Sql): Promise<string> {
  if (testsUsePostgres()) {
    const [, rows] = await testDb.db.$transaction([
      testDb.db.$executeRawUnsafe('SET LOCAL enable_seqscan = off'),
      testDb.db.$queryRawUnsafe<Array<{ 'QUERY PLAN': string }>>(`EXPLAIN ${sql.text}`, ...sql.values),
    ]);
    return rows.map((row) => row['QUERY PLAN']).join(' | ');
  }
  const sqlite = new Database(testDb.file, { readonly: true });
  try {
    return (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql.sql}`).all(...(sql.values as never[])) as Array<{ detail: string }>).map((row) => row.detail).join(' | ');
  } finally {
    sqlite.close();
  }
}

it.each(WORKFLOW_KINDS)('the reconciler reads %s records from their partial index, in page order', async (kind) => {
  const dialect = testsUsePostgres() ? 'postgres' : 'sqlite';
  for (const sql of [pendingWorkflowsSql(kind, new Date(), 50, { createdAt: new Date(0), id: 'x' }, dialect), pendingWorkflowCountSql(kind, dialect)]) {
    const plan = await planOf(sql);
    expect(plan).toContain('_workflow_pending_idx');
    expect(plan).not.toMatch(/TEMP B-TREE|Sort/);
  }
});

it('lists open leads without a started workflow oldest first, page by page, and forgets them once marked', async () => {
  const owner = await buildUser(testDb.db);
  const old = await buildLead(testDb.db, owner.id, { createdAt: new Date(Date.now() - 120_000) });
  const newer = await buildLead(testDb.db, owner.id, { createdAt: new Date(Date.now() - 60_000) });
  await testDb.db.lead.update({ where: { id: (await buildLead(testDb.db, owner.id)).id }, data: { status: 'DEAD' } });
  const now = new Date();

  const first = await listPendingWorkflows(testDb.db, 'lead', { createdBefore: now, limit: 1 });
  expect(first.map((row) => row.id)).toEqual([old.id]);
  expect(first[0]).toMatchObject({ status: 'NEW', ownerId: owner.id, createdAt: old.createdAt });
  const second = await listPendingWorkflows(testDb.db, 'lead', { createdBefore: now, limit: 1, after: first[0] });
  expect(second.map((row) => row.id)).toEqual([newer.id]);
  expect((await countPendingWorkflows(testDb.db)).lead).toEqual({ count: 2, oldestCreatedAt: old.createdAt });

  const updatedAt = (await testDb.db.lead.findUniqueOrThrow({ where: { id: old.id } })).updatedAt;
  await markWorkflowStarted(testDb.db, 'lead', old.id);
  const marked = await testDb.db.lead.findUniqueOrThrow({ where: { id: old.id } });
  expect(marked.workflowStartedAt).not.toBeNull();
  expect(marked.updatedAt).toEqual(updatedAt);
  expect((await listPendingWorkflows(testDb.db, 'lead', { createdBefore: now, limit: 10 })).map((row) => row.id)).toEqual([newer.id]);
});

it('marks several records started in one write, keeping the time of one marked before', async () => {
  const owner = await buildUser(testDb.db);
  const [before, first, second, untouched] = [await buildLead(testDb.db, owner.id), await buildLead(testDb.db, owner.id), await buildLead(testDb.db, owner.id), await buildLead(testDb.db, owner.id)];
  const earlier = new Date(Date.now() - 60_000);
  await markWorkflowStarted(testDb.db, 'lead', before.id, earlier);
  await markWorkflowsStarted(testDb.db, 'lead', [before.id, first.id, second.id]);
  await markWorkflowsStarted(testDb.db, 'lead', []);
  const rows = await testDb.db.lead.findMany({ where: { id: { in: [before.id, first.id, second.id, untouched.id] } }, select: { id: true, workflowStartedAt: true, updatedAt: true } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  expect(byId.get(before.id)!.workflowStartedAt).toEqual(earlier);
  expect(byId.get(first.id)!.workflowStartedAt).not.toBeNull();
  expect(byId.get(second.id)!.workflowStartedAt).not.toBeNull();
  expect(byId.get(untouched.id)!.workflowStartedAt).toBeNull();
  expect(byId.get(first.id)!.updatedAt).toEqual(first.updatedAt);
});

it('leaves an archived lead or buyer to wait: the reconciler does not start its automation until it is unarchived', async () => {
  const owner = await buildUser(testDb.db);
  const lead = await buildLead(testDb.db, owner.id, { createdAt: new Date(Date.now() - 30_000) });
  const buyer = await testDb.db.buyer.create({ data: { name: 'Archived Before Start', createdAt: new Date(Date.now() - 30_000) } });
  await testDb.db.lead.update({ where: { id: lead.id }, data: { archivedAt: new Date() } });
  await testDb.db.buyer.update({ where: { id: buyer.id }, data: { archivedAt: new Date() } });
  const pendingIds = async (kind: 'lead' | 'buyer') => (await listPendingWorkflows(testDb.db, kind, { createdBefore: new Date(), limit: 100 })).map((row) => row.id);
  expect(await pendingIds('lead')).not.toContain(lead.id);
  expect(await pendingIds('buyer')).not.toContain(buyer.id);

  await testDb.db.lead.update({ where: { id: lead.id }, data: { archivedAt: null } });
  await testDb.db.buyer.update({ where: { id: buyer.id }, data: { archivedAt: null } });
  expect(await pendingIds('lead')).toContain(lead.id);
  expect(await pendingIds('buyer')).toContain(buyer.id);
});

it("leaves the leads of a list import still writing its rows to the import's workflow, and takes them once it has ended", async () => {
  const owner = await buildUser(testDb.db);
  const list = await testDb.db.import.create({ data: { fileName: 'list.csv', filePath: '/nowhere/list.csv', headers: '[]', mapping: '{}', ownerId: owner.id, createdById: owner.id, status: 'RUNNING' } });
  const imported = await buildLead(testDb.db, owner.id, { createdAt: new Date(Date.now() - 30_000) });
  await testDb.db.lead.update({ where: { id: imported.id }, data: { importId: list.id, source: 'LIST_IMPORT' } });
  const typedIn = await buildLead(testDb.db, owner.id, { createdAt: new Date(Date.now() - 30_000) });
  const pendingIds = async () => (await listPendingWorkflows(testDb.db, 'lead', { createdBefore: new Date(), limit: 1_000 })).map((row) => row.id);

  expect(await pendingIds()).toContain(typedIn.id);
  expect(await pendingIds()).not.toContain(imported.id);
  for (const status of ['FAILED', 'COMPLETED', 'CANCELLED']) {
    await testDb.db.import.update({ where: { id: list.id }, data: { status } });
    expect(await pendingIds()).toContain(imported.id);
  }
});
