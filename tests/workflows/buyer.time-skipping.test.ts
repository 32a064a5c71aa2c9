import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { buyerWorkflowId } from '../../domain/workflow-ids';
import { proofOfFundsChangedSignal } from '../../workflows/buyers/buyer.messages';
import { buyerWorkflow } from '../../workflows/buyers/buyer.workflow';
import { buildUser } from '../support/factories';
import { startTimeSkippingServer, withWorker } from '../support/temporal-env';
import { createTestDb, type TestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

// The real 7-day and 1-day reminder offsets, with Temporal's time-skipping test server.
const TASK_QUEUE = 'buyer-time-skipping-test';
const DAY = 24 * 60 * 60 * 1000;
let env: TestWorkflowEnvironment;
let testDb: TestDb;

beforeAll(async () => {
  [env, testDb] = await Promise.all([startTimeSkippingServer(), createTestDb()]);
  await buildUser(testDb.db, { role: 'ACQUISITIONS' });
});
afterAll(async () => {
  await env?.teardown();
  await testDb?.close();
});

const reminders = (buyerId: string) =>
  testDb.db.task.findMany({ where: { buyerId, title: { startsWith: 'Renew or act on expiring proof of funds' } }, orderBy: { createdAt: 'asc' } });

it('reminds 7 days and 1 day before proof of funds expires, and re-arms when the date moves', async () => {
  const now = await env.currentTimeMs();
  const expiresAt = new Date(now + 8 * DAY);
  const buyer = await testDb.db.buyer.create({ data: { name: 'Expiring Funds', pofExpiresAt: expiresAt } });
  await withWorker(env, { db: testDb.db, deadlines: DEFAULT_DEADLINES, taskQueue: TASK_QUEUE }, async () => {
    const handle = await env.client.workflow.start(buyerWorkflow, {
      workflowId: buyerWorkflowId(buyer.id),
      taskQueue: TASK_QUEUE,
      args: [{ buyerId: buyer.id, status: 'NEW', isNew: false, pofExpiresAt: expiresAt.toISOString() }],
    });
    await env.sleep('20 hours');
    expect(await reminders(buyer.id)).toEqual([]);

    await env.sleep('6 hours');
    await waitUntil('the 7-day reminder', async () => (await reminders(buyer.id)).length === 1);
    expect((await reminders(buyer.id))[0]).toMatchObject({ title: 'Renew or act on expiring proof of funds: Expiring Funds (7 days left)', priority: 'HIGH', dueAt: expiresAt });

    // The buyer sends new proof of funds: the old 1-day reminder never comes, the new ones do.
    const renewed = new Date(expiresAt.getTime() + 30 * DAY);
    await testDb.db.buyer.update({ where: { id: buyer.id }, data: { pofExpiresAt: renewed } });
    await handle.signal(proofOfFundsChangedSignal, { expiresAt: renewed.toISOString() });
    await env.sleep('7 days');
    expect(await reminders(buyer.id)).toHaveLength(1);
    await env.sleep('24 days');
    await waitUntil('the renewed 7-day reminder', async () => (await reminders(buyer.id)).length === 2);
    expect((await reminders(buyer.id))[1]!.dueAt).toEqual(renewed);
    await env.sleep('6 days');
    await waitUntil('the renewed 1-day reminder', async () => (await reminders(buyer.id)).length === 3);
    expect((await reminders(buyer.id))[2]!.title).toBe('Renew or act on expiring proof of funds: Expiring Funds (1 day left)');
  });
});
