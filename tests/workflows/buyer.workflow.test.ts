import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { buyerWorkflowId } from '../../domain/workflow-ids';
import { buyerArchiveChangedSignal, changeBuyerStatusUpdate, getBuyerStateQuery } from '../../workflows/buyers/buyer.messages';
import { buyerWorkflow } from '../../workflows/buyers/buyer.workflow';
import { buildLead, buildUser } from '../support/factories';
import { recordHistory, startTemporalDevServer, withFailingActivity, withWorker } from '../support/temporal-env';
import { createTestDb, type TestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

const TASK_QUEUE = 'buyer-workflow-test';
let env: TestWorkflowEnvironment;
let testDb: TestDb;
let acquisitionsId: string;

beforeAll(async () => {
  [env, testDb] = await Promise.all([startTemporalDevServer(), createTestDb()]);
  acquisitionsId = (await buildUser(testDb.db, { role: 'ACQUISITIONS' })).id;
  const agent = await buildUser(testDb.db);
  await buildLead(testDb.db, agent.id, { city: 'Dayton', askingPrice: 90_000 });
});
afterAll(async () => {
  await env?.teardown();
  await testDb?.close();
});

async function buildBuyer(markets: string[]) {
  const buyer = await testDb.db.buyer.create({ data: { name: `Buyer ${markets.join('+')}`, markets: JSON.stringify(markets), minPrice: 50_000, maxPrice: 150_000 } });
  await testDb.db.buyerMarket.createMany({ data: markets.map((market) => ({ buyerId: buyer.id, market: market.toLowerCase() })) });
  return buyer;
}

const interval = { ...DEFAULT_DEADLINES, matchingIntervalMs: 1_000 };

describe('buyerWorkflow', () => {
  it('creates "Verify proof of funds", then weekly "Send matching properties" while ACTIVE with matches', async () => {
    const buyer = await buildBuyer(['Dayton']);
    await withWorker(env, { db: testDb.db, deadlines: interval, taskQueue: TASK_QUEUE }, async () => {
      const handle = await env.client.workflow.start(buyerWorkflow, { workflowId: buyerWorkflowId(buyer.id), taskQueue: TASK_QUEUE, args: [{ buyerId: buyer.id, status: 'NEW', isNew: true }] });
      const verify = await waitUntil('the proof-of-funds task', () => testDb.db.task.findFirst({ where: { buyerId: buyer.id, title: { startsWith: 'Verify proof of funds' } } }));
      expect(verify).toMatchObject({ priority: 'HIGH', assigneeId: acquisitionsId });
      expect(verify.dueAt.getTime() - verify.createdAt.getTime()).toBeGreaterThan(DEFAULT_DEADLINES.verifyPofMs - 60_000);

      // NEW buyers get no matching tasks.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(await testDb.db.task.count({ where: { buyerId: buyer.id, title: { startsWith: 'Send matching properties' } } })).toBe(0);

      await handle.executeUpdate(changeBuyerStatusUpdate, { args: [{ status: 'ACTIVE', actorId: acquisitionsId }] });
      expect((await testDb.db.buyer.findUniqueOrThrow({ where: { id: buyer.id } })).status).toBe('ACTIVE');
      await waitUntil('two matching cycles', async () => (await testDb.db.task.count({ where: { buyerId: buyer.id, title: 'Send matching properties to Buyer Dayton (1)' } })) >= 2);
      await waitUntil('the workflow to count both cycles', async () => (await handle.query(getBuyerStateQuery)).cycles >= 2);
      await recordHistory(env, 'buyer-matching', handle.workflowId);
    });
  });

  it('an archived buyer has its open automatic tasks cancelled; unarchived, its matching starts again', async () => {
    const buyer = await buildBuyer(['Dayton']);
    await withWorker(env, { db: testDb.db, deadlines: interval, taskQueue: TASK_QUEUE }, async () => {
      const handle = await env.client.workflow.start(buyerWorkflow, { workflowId: buyerWorkflowId(buyer.id), taskQueue: TASK_QUEUE, args: [{ buyerId: buyer.id, status: 'NEW', isNew: true }] });
      const verify = await waitUntil('the proof-of-funds task', () => testDb.db.task.findFirst({ where: { buyerId: buyer.id, title: { startsWith: 'Verify proof of funds' } } }));
      await testDb.db.buyer.update({ where: { id: buyer.id }, data: { archivedAt: new Date() } });
      await handle.signal(buyerArchiveChangedSignal, { archived: true });
      await waitUntil('the proof-of-funds task to be cancelled', async () => (await testDb.db.task.findUniqueOrThrow({ where: { id: verify.id } })).status === 'CANCELLED');
      await handle.executeUpdate(changeBuyerStatusUpdate, { args: [{ status: 'ACTIVE', actorId: acquisitionsId }] });
      await testDb.db.buyer.update({ where: { id: buyer.id }, data: { archivedAt: null } });
      await handle.signal(buyerArchiveChangedSignal, { archived: false });
      await waitUntil('a matching cycle after the unarchiving', () => testDb.db.task.findFirst({ where: { buyerId: buyer.id, title: { startsWith: 'Send matching properties' } } }));
      expect(await handle.query(getBuyerStateQuery)).toMatchObject({ archived: false, status: 'ACTIVE' });
      await recordHistory(env, 'buyer-archived-unarchived', handle.workflowId);
    });
  });

  it('creates no matching task for an ACTIVE buyer without matches', async () => {
    const buyer = await buildBuyer(['Nowhere']);
    await withWorker(env, { db: testDb.db, deadlines: interval, taskQueue: TASK_QUEUE }, async () => {
      const handle = await env.client.workflow.start(buyerWorkflow, { workflowId: buyerWorkflowId(buyer.id), taskQueue: TASK_QUEUE, args: [{ buyerId: buyer.id, status: 'ACTIVE', isNew: false }] });
      await waitUntil('two cycles', async () => (await handle.query(getBuyerStateQuery)).cycles >= 2);
      expect(await testDb.db.task.count({ where: { buyerId: buyer.id } })).toBe(0);
    });
  });

  it('a status change the database refuses for good leaves the buyer NEW in the workflow as in the database, and the buyer still changes later', async () => {
    const buyer = await buildBuyer(['Refused']);
    const options = { db: testDb.db, deadlines: interval, taskQueue: TASK_QUEUE, failing: 'applyBuyerStatus' } as const;
    await withFailingActivity(env, options, async () => {
      const handle = await env.client.workflow.start(buyerWorkflow, { workflowId: buyerWorkflowId(buyer.id), taskQueue: TASK_QUEUE, args: [{ buyerId: buyer.id, status: 'NEW', isNew: false }] });
      const activate = () => handle.executeUpdate(changeBuyerStatusUpdate, { args: [{ status: 'ACTIVE', actorId: acquisitionsId }] });
      expect(await activate().catch((error: unknown) => error)).toBeInstanceOf(WorkflowUpdateFailedError);
      const saved = await testDb.db.buyer.findUniqueOrThrow({ where: { id: buyer.id } });
      expect(saved.status).toBe('NEW');
      expect(await handle.query(getBuyerStateQuery)).toMatchObject({ status: saved.status, changes: 0 });

      expect(await activate()).toMatchObject({ status: 'ACTIVE', changes: 1 });
      expect((await testDb.db.buyer.findUniqueOrThrow({ where: { id: buyer.id } })).status).toBe('ACTIVE');
      await recordHistory(env, 'buyer-write-refused', handle.workflowId);
    });
  });
});
