import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DEFAULT_DEADLINES, type Deadlines } from '../../domain/config/deadlines';
import type { LeadStatus } from '../../domain/leads/lead.schema';
import { changeLeadStatusUpdate, getLeadStateQuery } from '../../workflows/leads/lead.messages';
import { leadWorkflow } from '../../workflows/leads/lead.workflow';
import { buildLead, buildUser } from '../support/factories';
import { recordHistory, startTemporalDevServer, withWorker } from '../support/temporal-env';
import { createTestDb, type TestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

const TASK_QUEUE = 'lead-status-test';
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

const run = <T>(deadlines: Deadlines, body: () => Promise<T>) => withWorker(env, { db: testDb.db, deadlines, taskQueue: TASK_QUEUE }, body);

async function startLead(overrides: { sellerName?: string } = {}) {
  const lead = await buildLead(testDb.db, agentId, overrides);
  const handle = await env.client.workflow.start(leadWorkflow, { workflowId: `lead-${lead.id}`, taskQueue: TASK_QUEUE, args: [{ leadId: lead.id, status: 'NEW' }] });
  await waitUntil('the contact task', () => testDb.db.task.findFirst({ where: { leadId: lead.id } }));
  const move = (status: LeadStatus, reason?: string) =>
    handle.executeUpdate(changeLeadStatusUpdate, { args: [{ status, reason, actorId: agentId }] });
  return { lead, handle, move };
}

const tasksOf = (leadId: string) => testDb.db.task.findMany({ where: { leadId }, orderBy: { createdAt: 'asc' } });

describe('lead status changes through the changeLeadStatus Update', () => {
  it('CONTACTED: records the contact and creates "Follow up with lead in 3 days" (LOW, +3 d)', async () => {
    await run(DEFAULT_DEADLINES, async () => {
      const { lead, handle, move } = await startLead();
      const state = await move('CONTACTED');
      expect(state).toMatchObject({ status: 'CONTACTED', step: 1 });

      const saved = await testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } });
      expect(saved.status).toBe('CONTACTED');
      expect(saved.contactedAt).not.toBeNull();
      const followUp = await waitUntil('the follow-up', () => testDb.db.task.findFirst({ where: { leadId: lead.id, title: 'Follow up with lead in 3 days' } }));
      expect(followUp).toMatchObject({ type: 'FOLLOW_UP', priority: 'LOW', assigneeId: agentId });
      expect(followUp.dueAt.getTime() - saved.contactedAt!.getTime()).toBe(DEFAULT_DEADLINES.followUpMs);
      const event = await testDb.db.event.findFirstOrThrow({ where: { entityId: lead.id, action: 'status_changed' } });
      expect(JSON.parse(event.payload)).toMatchObject({ status: 'CONTACTED', previousStatus: 'NEW' });
      expect(event.actorId).toBe(agentId);
      expect((await handle.query(getLeadStateQuery)).contactOverdue).toBe(false);
    });
  });

  it('repeats the follow-up at each cadence while the lead stays CONTACTED, and stops when it advances', async () => {
    await run({ ...DEFAULT_DEADLINES, followUpMs: 1_500 }, async () => {
      const { lead, move } = await startLead();
      await move('CONTACTED');
      await waitUntil('a second follow-up', async () => (await testDb.db.task.count({ where: { leadId: lead.id, title: 'Follow up with lead in 3 days' } })) >= 2);
      await move('QUALIFIED');
      await recordHistory(env, 'lead-follow-ups', `lead-${lead.id}`);
      const visit = await waitUntil('the visit task', () => testDb.db.task.findFirst({ where: { leadId: lead.id, title: 'Schedule property visit' } }));
      expect(visit).toMatchObject({ priority: 'MEDIUM', type: 'LEAD' });
      const followUps = await testDb.db.task.count({ where: { leadId: lead.id, title: 'Follow up with lead in 3 days' } });
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(await testDb.db.task.count({ where: { leadId: lead.id, title: 'Follow up with lead in 3 days' } })).toBe(followUps);
    });
  });

  it.each([
    ['NEW', 'CLOSED', undefined, 'Only a lead UNDER_CONTRACT can be CLOSED'],
    ['NEW', 'DEAD', undefined, 'Marking a lead DEAD needs a reason'],
    ['NEW', 'NEW', undefined, 'The lead is already NEW'],
  ] as Array<[LeadStatus, LeadStatus, string | undefined, string]>)('refuses %s → %s (reason %s) and changes nothing', async (_from, to, reason, message) => {
    await run(DEFAULT_DEADLINES, async () => {
      const { lead, move } = await startLead();
      const refused = await move(to, reason).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((refused as WorkflowUpdateFailedError).cause?.message).toContain(message);
      expect((await testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).status).toBe('NEW');
    });
  });

  it('UNDER_CONTRACT creates "Prepare closing documents"; CLOSED records the deal, cancels open automatic tasks and ends the workflow; CONTACTED completes the contact task', async () => {
    await run(DEFAULT_DEADLINES, async () => {
      const { lead, handle, move } = await startLead();
      for (const status of ['CONTACTED', 'QUALIFIED', 'OFFER_MADE', 'UNDER_CONTRACT'] as const) await move(status);
      const closing = await waitUntil('the closing task', () => testDb.db.task.findFirst({ where: { leadId: lead.id, title: 'Prepare closing documents' } }));
      expect(closing.priority).toBe('HIGH');

      await move('CLOSED');
      expect(await handle.result()).toMatchObject({ status: 'CLOSED' });
      expect(await testDb.db.deal.findUnique({ where: { leadId: lead.id } })).toMatchObject({ leadId: lead.id });
      const tasks = await tasksOf(lead.id);
      // The contact task was done when the lead was contacted; every other automatic task is cancelled.
      expect(tasks.map((task) => [task.title, task.status])).toEqual(
        expect.arrayContaining([['Contact lead within 1 hour', 'COMPLETED'], ['Prepare closing documents', 'CANCELLED']]),
      );
      expect(tasks.filter((task) => task.title !== 'Contact lead within 1 hour').every((task) => task.status === 'CANCELLED')).toBe(true);
      for (const task of tasks) {
        await waitUntil(`task-${task.id} to end`, async () => (await env.client.workflow.getHandle(`task-${task.id}`).describe()).status.name === 'COMPLETED');
      }
      await recordHistory(env, 'lead-closed', handle.workflowId);
    });
  });

  it('DEAD with a reason cancels the open automatic tasks and ends the workflow', async () => {
    await run(DEFAULT_DEADLINES, async () => {
      const { lead, handle, move } = await startLead();
      await move('DEAD', 'NOT_MOTIVATED');
      expect(await handle.result()).toMatchObject({ status: 'DEAD' });
      expect(await testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ status: 'DEAD', deadReason: 'NOT_MOTIVATED' });
      expect((await tasksOf(lead.id)).map((task) => task.status)).toEqual(['CANCELLED']);
    });
  });
});
