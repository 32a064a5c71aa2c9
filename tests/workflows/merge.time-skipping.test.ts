import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { buyerWorkflowId, leadWorkflowId } from '../../domain/workflow-ids';
import { buyerMergedSignal } from '../../workflows/buyers/buyer.messages';
import { buyerWorkflow } from '../../workflows/buyers/buyer.workflow';
import { leadMergedSignal } from '../../workflows/leads/lead.messages';
import { leadWorkflow } from '../../workflows/leads/lead.workflow';
import { buildLead, buildUser } from '../support/factories';
import { recordHistory, startTimeSkippingServer, withWorker } from '../support/temporal-env';
import { createTestDb, type TestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

// A record merged into another (POST …/merge) ends its workflow: its open automatic tasks are
// cancelled (the API's transaction cancels them first; the workflow cancels any made meanwhile) and the run completes.
const TASK_QUEUE = 'merge-time-skipping-test';
let env: TestWorkflowEnvironment;
let testDb: TestDb;

beforeAll(async () => {
  [env, testDb] = await Promise.all([startTimeSkippingServer(), createTestDb()]);
});
afterAll(async () => {
  await env?.teardown();
  await testDb?.close();
});

describe('a merged lead', () => {
  it('cancels its open contact task and completes, holding itself merged', async () => {
    const agent = await buildUser(testDb.db);
    const lead = await buildLead(testDb.db, agent.id, { sellerName: 'Merged Away' });
    const survivor = await buildLead(testDb.db, agent.id, { sellerName: 'Survivor' });
    await withWorker(env, { db: testDb.db, deadlines: DEFAULT_DEADLINES, taskQueue: TASK_QUEUE }, async () => {
      const handle = await env.client.workflow.start(leadWorkflow, { workflowId: leadWorkflowId(lead.id), taskQueue: TASK_QUEUE, args: [{ leadId: lead.id, status: 'NEW', ownerId: agent.id }] });
      const contactTask = await waitUntil('the contact task', () => testDb.db.task.findFirst({ where: { leadId: lead.id, automationKey: { not: null } } }));

      await testDb.db.lead.update({ where: { id: lead.id }, data: { archivedAt: new Date(), mergedIntoId: survivor.id } });
      await handle.signal(leadMergedSignal, { intoLeadId: survivor.id });
      expect(await handle.result()).toMatchObject({ status: 'NEW', merged: true, archived: true, contactOverdue: false });
      expect((await testDb.db.task.findUniqueOrThrow({ where: { id: contactTask.id } })).status).toBe('CANCELLED');
      expect(await testDb.db.task.count({ where: { leadId: lead.id, status: { notIn: ['CANCELLED'] } } })).toBe(0);
      await recordHistory(env, 'lead-merged', handle.workflowId);
    });
  });
});

describe('a merged buyer', () => {
  it('cancels its open "Verify proof of funds" and completes instead of matching every week', async () => {
    const buyer = await testDb.db.buyer.create({ data: { name: 'Merged Cash', status: 'ACTIVE', markets: JSON.stringify(['Kettering']) } });
    const survivor = await testDb.db.buyer.create({ data: { name: 'Survivor Cash', status: 'ACTIVE' } });
    await withWorker(env, { db: testDb.db, deadlines: DEFAULT_DEADLINES, taskQueue: TASK_QUEUE }, async () => {
      const handle = await env.client.workflow.start(buyerWorkflow, { workflowId: buyerWorkflowId(buyer.id), taskQueue: TASK_QUEUE, args: [{ buyerId: buyer.id, status: 'ACTIVE', isNew: true }] });
      const verify = await waitUntil('"Verify proof of funds"', () => testDb.db.task.findFirst({ where: { buyerId: buyer.id, title: { startsWith: 'Verify proof of funds' } } }));

      await testDb.db.buyer.update({ where: { id: buyer.id }, data: { archivedAt: new Date(), mergedIntoId: survivor.id } });
      await handle.signal(buyerMergedSignal, { intoBuyerId: survivor.id });
      await handle.result();
      expect((await handle.describe()).status.name).toBe('COMPLETED');
      expect((await testDb.db.task.findUniqueOrThrow({ where: { id: verify.id } })).status).toBe('CANCELLED');
      await recordHistory(env, 'buyer-merged', handle.workflowId);
    });
  });
});
