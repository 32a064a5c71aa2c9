import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { buyerWorkflowId, taskWorkflowId } from '../../domain/workflow-ids';
import { buyerArchiveChangedSignal, getBuyerStateQuery } from '../../workflows/buyers/buyer.messages';
import { buyerWorkflow } from '../../workflows/buyers/buyer.workflow';
import { buildLead, buildUser } from '../support/factories';
import { startTimeSkippingServer, withWorker } from '../support/temporal-env';
import { createTestDb, type TestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

// Archiving ends a buyer's automation; unarchiving restarts it from now. The real weekly matching
// interval, with Temporal's time-skipping test server, on a server of its own: after the lead
// archive tests' weeks of skipped time on the same server, its 22-day sleep sometimes never returned.
const TASK_QUEUE = 'buyer-archive-time-skipping-test';
let env: TestWorkflowEnvironment;
let testDb: TestDb;

beforeAll(async () => {
  [env, testDb] = await Promise.all([startTimeSkippingServer(), createTestDb()]);
});
afterAll(async () => {
  await env?.teardown();
  await testDb?.close();
});

async function terminateAll(workflowId: string, where: { buyerId: string }): Promise<void> {
  const tasks = await testDb.db.task.findMany({ where, select: { id: true } });
  for (const id of [workflowId, ...tasks.map((task) => taskWorkflowId(task.id))]) {
    await env.client.workflow.getHandle(id).terminate('test over').catch(() => undefined);
  }
}

describe('an archived buyer', () => {
  it('gets no weekly matching task and its open automatic tasks are cancelled; unarchiving restarts matching', async () => {
    await buildUser(testDb.db, { role: 'ACQUISITIONS' });
    const agent = await buildUser(testDb.db);
    await buildLead(testDb.db, agent.id, { city: 'Kettering', askingPrice: 90_000 });
    const buyer = await testDb.db.buyer.create({ data: { name: 'Kettering Cash', status: 'ACTIVE', markets: JSON.stringify(['Kettering']), minPrice: 50_000, maxPrice: 150_000 } });
    await testDb.db.buyerMarket.create({ data: { buyerId: buyer.id, market: 'kettering' } });
    await withWorker(env, { db: testDb.db, deadlines: DEFAULT_DEADLINES, taskQueue: TASK_QUEUE }, async () => {
      const handle = await env.client.workflow.start(buyerWorkflow, { workflowId: buyerWorkflowId(buyer.id), taskQueue: TASK_QUEUE, args: [{ buyerId: buyer.id, status: 'ACTIVE', isNew: true }] });
      const verify = await waitUntil('"Verify proof of funds"', () => testDb.db.task.findFirst({ where: { buyerId: buyer.id, title: { startsWith: 'Verify proof of funds' } } }));

      await testDb.db.buyer.update({ where: { id: buyer.id }, data: { archivedAt: new Date() } });
      await handle.signal(buyerArchiveChangedSignal, { archived: true });
      await waitUntil('"Verify proof of funds" to be cancelled', async () => (await testDb.db.task.findUniqueOrThrow({ where: { id: verify.id } })).status === 'CANCELLED');
      await waitUntil('the workflow to hold the buyer archived', async () => (await handle.query(getBuyerStateQuery)).archived === true);

      await env.sleep('22 days');
      expect(await testDb.db.task.count({ where: { buyerId: buyer.id, title: { startsWith: 'Send matching properties' } } })).toBe(0);
      expect((await handle.query(getBuyerStateQuery)).cycles).toBe(0);

      await testDb.db.buyer.update({ where: { id: buyer.id }, data: { archivedAt: null } });
      await handle.signal(buyerArchiveChangedSignal, { archived: false });
      await waitUntil('the workflow to hold the buyer live', async () => (await handle.query(getBuyerStateQuery)).archived === false);
      await env.sleep('8 days');
      await waitUntil('a matching task after the unarchiving', () => testDb.db.task.findFirst({ where: { buyerId: buyer.id, title: { startsWith: 'Send matching properties' } } }));
      // Its history for the replay test is recorded by buyer.workflow.test.ts (here, with RECORD_HISTORIES=1, this test did not end).
      await terminateAll(handle.workflowId, { buyerId: buyer.id });
    });
  });
});
