import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { leadWorkflowId, taskWorkflowId } from '../../domain/workflow-ids';
import { getLeadStateQuery, leadArchiveChangedSignal } from '../../workflows/leads/lead.messages';
import { leadWorkflow } from '../../workflows/leads/lead.workflow';
import { buildLead, buildUser } from '../support/factories';
import { recordHistory, startTimeSkippingServer, withWorker } from '../support/temporal-env';
import { createTestDb, type TestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

// Archiving ends a lead's automation; unarchiving restarts it from now. The real default deadlines
// (1 h contact, 3-day follow-ups), with Temporal's time-skipping test server. The buyer's: buyer-archive.time-skipping.test.ts.
const TASK_QUEUE = 'archive-time-skipping-test';
const HOUR = 60 * 60 * 1000;
let env: TestWorkflowEnvironment;
let testDb: TestDb;

beforeAll(async () => {
  [env, testDb] = await Promise.all([startTimeSkippingServer(), createTestDb()]);
});
afterAll(async () => {
  await env?.teardown();
  await testDb?.close();
});

/**
 * Ends a test's workflows (the record's and its tasks'): left running, their timers would make the
 * next test's skipped weeks replay every follow-up and overdue of this one.
 */
async function terminateAll(workflowId: string, where: { leadId: string } | { buyerId: string }): Promise<void> {
  const tasks = await testDb.db.task.findMany({ where, select: { id: true } });
  for (const id of [workflowId, ...tasks.map((task) => taskWorkflowId(task.id))]) {
    await env.client.workflow.getHandle(id).terminate('test over').catch(() => undefined);
  }
}

/** What the API does: the row first, then the workflow is told. */
async function setLeadArchived(leadId: string, archived: boolean): Promise<void> {
  await testDb.db.lead.update({ where: { id: leadId }, data: { archivedAt: archived ? new Date() : null } });
  await env.client.workflow.getHandle(leadWorkflowId(leadId)).signal(leadArchiveChangedSignal, { archived });
}

describe('an archived lead', () => {
  it('raises no overdue contact and no supervisor alert past its deadline, its open automatic tasks are cancelled, and unarchiving restarts the deadline from the unarchiving', async () => {
    const agent = await buildUser(testDb.db);
    const supervisor = await buildUser(testDb.db, { role: 'SUPERVISOR' });
    const lead = await buildLead(testDb.db, agent.id, { sellerName: 'Junk Lead' });
    await withWorker(env, { db: testDb.db, deadlines: DEFAULT_DEADLINES, taskQueue: TASK_QUEUE }, async () => {
      const handle = await env.client.workflow.start(leadWorkflow, { workflowId: leadWorkflowId(lead.id), taskQueue: TASK_QUEUE, args: [{ leadId: lead.id, status: 'NEW', ownerId: agent.id }] });
      const contactTask = await waitUntil('the contact task to be assigned', () => testDb.db.task.findFirst({ where: { leadId: lead.id, status: 'ASSIGNED' } }));

      await setLeadArchived(lead.id, true);
      await waitUntil('the contact task to be cancelled', async () => (await testDb.db.task.findUniqueOrThrow({ where: { id: contactTask.id } })).status === 'CANCELLED');
      await waitUntil('the workflow to hold the lead archived', async () => (await handle.query(getLeadStateQuery)).archived === true);

      // Two hours: the contact deadline (creation + 1 h) is long past.
      await env.sleep('2 hours');
      expect(await handle.query(getLeadStateQuery)).toMatchObject({ status: 'NEW', archived: true, contactOverdue: false });
      expect(await testDb.db.task.count({ where: { leadId: lead.id, title: { startsWith: 'Overdue' } } })).toBe(0);
      expect(await testDb.db.notification.count({ where: { recipientId: supervisor.id, kind: 'LEAD_CONTACT_OVERDUE' } })).toBe(0);
      expect(await testDb.db.task.count({ where: { leadId: lead.id, status: { not: 'CANCELLED' } } })).toBe(0);

      // Unarchived: a new contact task, its deadline an hour after the unarchiving (not after the creation, 2 hours ago).
      const unarchivedAt = await env.currentTimeMs();
      await setLeadArchived(lead.id, false);
      const restarted = await waitUntil('a new contact task', () =>
        testDb.db.task.findFirst({ where: { leadId: lead.id, title: 'Contact lead within 1 hour', status: 'ASSIGNED', id: { not: contactTask.id } } }),
      );
      expect(restarted.dueAt.getTime()).toBeGreaterThanOrEqual(unarchivedAt + HOUR);
      const state = await waitUntil('the workflow to hold the lead live', async () => {
        const current = await handle.query(getLeadStateQuery);
        return current.archived === false ? current : null;
      });
      expect(state.contactTaskId).toBe(restarted.id);

      await env.sleep('55 minutes');
      expect(await testDb.db.task.count({ where: { leadId: lead.id, title: 'Overdue: contact Junk Lead' } })).toBe(0);
      await env.sleep('10 minutes');
      const overdue = await waitUntil('the overdue follow-up of the restarted deadline', () =>
        testDb.db.task.findFirst({ where: { leadId: lead.id, title: 'Overdue: contact Junk Lead' } }),
      );
      expect(overdue.parentTaskId).toBe(restarted.id);
      expect(await testDb.db.notification.count({ where: { recipientId: supervisor.id, kind: 'LEAD_CONTACT_OVERDUE' } })).toBe(1);
      await waitUntil('the workflow to record the overdue state', async () => (await handle.query(getLeadStateQuery)).contactOverdue);
      await recordHistory(env, 'lead-archived-unarchived', handle.workflowId);
      await terminateAll(handle.workflowId, { leadId: lead.id });
    });
  });

  it('stops the follow-ups of a CONTACTED lead and clears its next follow-up date; unarchiving arms the next one from now', async () => {
    const agent = await buildUser(testDb.db);
    const lead = await buildLead(testDb.db, agent.id, { sellerName: 'Quiet Seller' });
    await testDb.db.lead.update({ where: { id: lead.id }, data: { status: 'CONTACTED' } });
    await withWorker(env, { db: testDb.db, deadlines: DEFAULT_DEADLINES, taskQueue: TASK_QUEUE }, async () => {
      // A continued run, as a CONTACTED lead's is after its first 50 follow-ups: its follow-up is due in 3 days.
      const start = await env.currentTimeMs();
      const followUpDueAt = new Date(start + DEFAULT_DEADLINES.followUpMs).toISOString();
      await testDb.db.lead.update({ where: { id: lead.id }, data: { nextFollowUpAt: new Date(followUpDueAt) } });
      const handle = await env.client.workflow.start(leadWorkflow, {
        workflowId: leadWorkflowId(lead.id),
        taskQueue: TASK_QUEUE,
        args: [{ leadId: lead.id, status: 'CONTACTED', continued: { contactTaskId: null, contactOverdue: false, step: 1, followUpDueAt } }],
      });
      await waitUntil('the workflow to run', async () => (await handle.query(getLeadStateQuery)).step === 1);
      await setLeadArchived(lead.id, true);
      await waitUntil('the follow-up date to be cleared', async () => (await testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).nextFollowUpAt === null);

      await env.sleep('10 days');
      expect(await testDb.db.task.count({ where: { leadId: lead.id } })).toBe(0);
      expect((await testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).nextFollowUpAt).toBeNull();

      const unarchivedAt = await env.currentTimeMs();
      await setLeadArchived(lead.id, false);
      const followUp = await waitUntil('a follow-up from the unarchiving', () => testDb.db.task.findFirst({ where: { leadId: lead.id, title: 'Follow up with lead in 3 days' } }));
      expect(followUp.dueAt.getTime()).toBeGreaterThanOrEqual(unarchivedAt + DEFAULT_DEADLINES.followUpMs);
      const next = await waitUntil('the next follow-up date', async () => (await testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).nextFollowUpAt);
      expect(next.getTime()).toBeGreaterThanOrEqual(unarchivedAt + DEFAULT_DEADLINES.followUpMs);
      // The activity commits the date before the workflow records the result: wait for the workflow's own copy.
      await waitUntil('the workflow to arm the same follow-up', async () => (await handle.query(getLeadStateQuery)).followUpDueAt === next.toISOString());
      await terminateAll(handle.workflowId, { leadId: lead.id });
    });
  });
});
