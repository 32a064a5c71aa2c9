import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { offerWorkflowId } from '../../domain/workflow-ids';
import { changeOfferStatusUpdate, getOfferStateQuery } from '../../workflows/offers/offer.messages';
import { offerWorkflow } from '../../workflows/offers/offer.workflow';
import { buildLead, buildUser } from '../support/factories';
import { recordHistory, startTemporalDevServer, withFailingActivity } from '../support/temporal-env';
import { createTestDb, type TestDb } from '../support/test-db';

jest.setTimeout(180_000);

const TASK_QUEUE = 'offer-workflow-test';
let env: TestWorkflowEnvironment;
let testDb: TestDb;
let agentId: string;

beforeAll(async () => {
  [env, testDb] = await Promise.all([startTemporalDevServer(), createTestDb()]);
  agentId = (await buildUser(testDb.db)).id;
});
afterAll(async () => {
  await env?.teardown();
  await testDb?.close();
});

describe('offerWorkflow', () => {
  it('a status change the database refuses for good leaves the offer DRAFT in the workflow as in the database, and the offer is still sent later', async () => {
    const lead = await buildLead(testDb.db, agentId);
    const offer = await testDb.db.offer.create({ data: { leadId: lead.id, kind: 'PURCHASE', amount: 80_000, createdById: agentId } });
    const options = { db: testDb.db, deadlines: DEFAULT_DEADLINES, taskQueue: TASK_QUEUE, failing: 'applyOfferStatus' } as const;
    await withFailingActivity(env, options, async () => {
      const handle = await env.client.workflow.start(offerWorkflow, { workflowId: offerWorkflowId(offer.id), taskQueue: TASK_QUEUE, args: [{ offerId: offer.id, status: 'DRAFT', expiresAt: null }] });
      const send = () => handle.executeUpdate(changeOfferStatusUpdate, { args: [{ status: 'SENT', actorId: agentId }] });
      expect(await send().catch((error: unknown) => error)).toBeInstanceOf(WorkflowUpdateFailedError);
      const saved = await testDb.db.offer.findUniqueOrThrow({ where: { id: offer.id } });
      expect(saved.status).toBe('DRAFT');
      expect(await handle.query(getOfferStateQuery)).toMatchObject({ status: saved.status, changes: 0 });
      expect(await testDb.db.task.count({ where: { offerId: offer.id } })).toBe(0);

      expect(await send()).toMatchObject({ status: 'SENT', changes: 1 });
      expect((await testDb.db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe('SENT');
      expect(await testDb.db.task.count({ where: { offerId: offer.id, title: { startsWith: 'Follow up on offer' } } })).toBe(1);
      await recordHistory(env, 'offer-write-refused', handle.workflowId);
    });
  });
});
