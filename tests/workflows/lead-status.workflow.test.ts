import { WithStartWorkflowOperation, WorkflowIdConflictPolicy, WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DEFAULT_DEADLINES, type Deadlines } from '../../domain/config/deadlines';
import type { LeadStatus } from '../../domain/leads/lead.schema';
import { leadWorkflowId, taskWorkflowId } from '../../domain/workflow-ids';
import { changeLeadStatusUpdate, getLeadStateQuery } from '../../workflows/leads/lead.messages';
import { leadWorkflow } from '../../workflows/leads/lead.workflow';
import { buildLead, buildUser } from '../support/factories';
import { recordHistory, startTemporalDevServer, withFailingActivity, withWorker } from '../support/temporal-env';
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

async function startLead(overrides: { sellerName?: string } = {}, followUpsPerRun?: number) {
  const lead = await buildLead(testDb.db, agentId, overrides);
  const handle = await env.client.workflow.start(leadWorkflow, {
    workflowId: leadWorkflowId(lead.id),
    taskQueue: TASK_QUEUE,
    args: [{ leadId: lead.id, status: 'NEW', ...(followUpsPerRun ? { followUpsPerRun } : {}) }],
  });
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
      await recordHistory(env, 'lead-follow-ups', leadWorkflowId(lead.id));
      const visit = await waitUntil('the visit task', () => testDb.db.task.findFirst({ where: { leadId: lead.id, title: 'Schedule property visit' } }));
      expect(visit).toMatchObject({ priority: 'MEDIUM', type: 'LEAD' });
      const followUps = await testDb.db.task.count({ where: { leadId: lead.id, title: 'Follow up with lead in 3 days' } });
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(await testDb.db.task.count({ where: { leadId: lead.id, title: 'Follow up with lead in 3 days' } })).toBe(followUps);
    });
  });

  it.each([
    ['NEW', 'CLOSED', undefined, 'Only a lead under contract can be closed'],
    ['NEW', 'DEAD', undefined, 'Marking a lead dead needs a reason'],
    ['NEW', 'NEW', undefined, 'The lead is already new'],
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
        await waitUntil(`the task's workflow to end`, async () => (await env.client.workflow.getHandle(taskWorkflowId(task.id)).describe()).status.name === 'COMPLETED');
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

  it('a move the database refuses for good leaves the lead NEW in the workflow as in the database, and the lead still moves later', async () => {
    const options = { db: testDb.db, deadlines: DEFAULT_DEADLINES, taskQueue: TASK_QUEUE, failing: 'applyLeadStatus' } as const;
    await withFailingActivity(env, options, async () => {
      const { lead, handle, move } = await startLead();
      const refused = await move('CONTACTED').catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
      const saved = await testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } });
      expect(saved.status).toBe('NEW');
      expect(await handle.query(getLeadStateQuery)).toMatchObject({ status: saved.status, step: 0, followUpDueAt: null });
      expect(await testDb.db.task.count({ where: { leadId: lead.id, title: 'Follow up with lead in 3 days' } })).toBe(0);

      expect(await move('CONTACTED')).toMatchObject({ status: 'CONTACTED', step: 1 });
      expect((await testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).status).toBe('CONTACTED');
      await recordHistory(env, 'lead-write-refused', handle.workflowId);
    });
  });

  it('continues as new after its follow-ups per run, carrying its state: follow-ups go on and status Updates (with start) still arrive', async () => {
    await run({ ...DEFAULT_DEADLINES, followUpMs: 1_500 }, async () => {
      const { lead, handle, move } = await startLead({}, 2);
      const { contactTaskId } = await handle.query(getLeadStateQuery);
      await move('CONTACTED');
      const followUps = () => testDb.db.task.count({ where: { leadId: lead.id, title: 'Follow up with lead in 3 days' } });
      const firstRun = handle.firstExecutionRunId;
      await waitUntil('the first run to continue as new', async () => (await env.client.workflow.getHandle(handle.workflowId, firstRun).describe()).status.name === 'CONTINUED_AS_NEW');
      // The first run ended after the CONTACTED change and its two repeated follow-ups.
      const ended = await env.client.workflow.getHandle(handle.workflowId, firstRun).query(getLeadStateQuery);
      expect(ended).toMatchObject({ status: 'CONTACTED', step: 3, contactTaskId });
      expect(await followUps()).toBeGreaterThanOrEqual(3);
      const latest = env.client.workflow.getHandle(handle.workflowId);
      const continuedRun = (await latest.describe()).runId;
      expect(continuedRun).not.toBe(firstRun);
      const carried = await latest.query(getLeadStateQuery);
      expect(carried).toMatchObject({ status: 'CONTACTED', contactTaskId });
      expect(carried.step).toBeGreaterThanOrEqual(3);

      await waitUntil('a follow-up from the continued run', async () => (await followUps()) >= 4);
      const startWorkflowOperation = new WithStartWorkflowOperation(leadWorkflow, {
        workflowId: handle.workflowId,
        taskQueue: TASK_QUEUE,
        args: [{ leadId: lead.id, status: 'CONTACTED' }],
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      });
      const moved = await env.client.workflow.executeUpdateWithStart(changeLeadStatusUpdate, {
        args: [{ status: 'QUALIFIED', actorId: agentId }],
        startWorkflowOperation,
      });
      expect(moved).toMatchObject({ status: 'QUALIFIED', followUpDueAt: null, contactTaskId });
      expect((await latest.describe()).runId).toBe(continuedRun);
      expect((await testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).status).toBe('QUALIFIED');
      await waitUntil('the visit task', () => testDb.db.task.findFirst({ where: { leadId: lead.id, title: 'Schedule property visit' } }));
      await recordHistory(env, 'lead-continued-as-new', handle.workflowId, firstRun);
      await recordHistory(env, 'lead-continued', handle.workflowId);
    });
  });
});
