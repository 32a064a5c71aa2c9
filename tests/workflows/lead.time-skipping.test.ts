import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { leadWorkflowId } from '../../domain/workflow-ids';
import { leadWorkflow } from '../../workflows/leads/lead.workflow';
import { getLeadStateQuery } from '../../workflows/leads/lead.messages';
import { buildLead, buildUser } from '../support/factories';
import { startTimeSkippingServer, withWorker } from '../support/temporal-env';
import { createTestDb, type TestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

// The real default deadlines (1 h contact), with Temporal's time-skipping test server.
const TASK_QUEUE = 'lead-time-skipping-test';
let env: TestWorkflowEnvironment;
let testDb: TestDb;

beforeAll(async () => {
  [env, testDb] = await Promise.all([startTimeSkippingServer(), createTestDb()]);
});
afterAll(async () => {
  await env?.teardown();
  await testDb?.close();
});

it('flags a lead still NEW exactly when its 1-hour contact deadline passes, not before', async () => {
  const agent = await buildUser(testDb.db);
  const supervisor = await buildUser(testDb.db, { role: 'SUPERVISOR' });
  const lead = await buildLead(testDb.db, agent.id, { sellerName: 'Hour Later' });
  await withWorker(env, { db: testDb.db, deadlines: DEFAULT_DEADLINES, taskQueue: TASK_QUEUE }, async () => {
    const handle = await env.client.workflow.start(leadWorkflow, { workflowId: leadWorkflowId(lead.id), taskQueue: TASK_QUEUE, args: [{ leadId: lead.id, status: 'NEW' }] });
    const contactTask = await waitUntil('the contact task', () => testDb.db.task.findFirst({ where: { leadId: lead.id } }));
    expect(contactTask.dueAt.getTime() - lead.createdAt.getTime()).toBe(60 * 60 * 1000);

    await env.sleep('55 minutes');
    expect((await handle.query(getLeadStateQuery)).contactOverdue).toBe(false);
    expect(await testDb.db.task.count({ where: { leadId: lead.id } })).toBe(1);

    await env.sleep('10 minutes');
    await waitUntil('the overdue follow-up', () => testDb.db.task.findFirst({ where: { leadId: lead.id, title: 'Overdue: contact Hour Later' } }));
    expect((await testDb.db.task.findUniqueOrThrow({ where: { id: contactTask.id } })).overdue).toBe(true);
    expect(await testDb.db.notification.count({ where: { recipientId: supervisor.id, kind: 'LEAD_CONTACT_OVERDUE' } })).toBe(1);
  });
});

describe('a lead whose workflow starts late (saved while Temporal was down)', () => {
  const HOUR = 60 * 60 * 1000;

  it('flags it at creation + 1 hour, not an hour after the late start', async () => {
    const agent = await buildUser(testDb.db);
    // Created 4 minutes before the workflow starts, in the test server's time.
    const createdAt = new Date((await env.currentTimeMs()) - 4 * 60 * 1000);
    const lead = await buildLead(testDb.db, agent.id, { sellerName: 'Four Minutes Late', createdAt });
    await withWorker(env, { db: testDb.db, deadlines: DEFAULT_DEADLINES, taskQueue: TASK_QUEUE }, async () => {
      const handle = await env.client.workflow.start(leadWorkflow, { workflowId: leadWorkflowId(lead.id), taskQueue: TASK_QUEUE, args: [{ leadId: lead.id, status: 'NEW', ownerId: agent.id }] });
      const contactTask = await waitUntil('the contact task', () => testDb.db.task.findFirst({ where: { leadId: lead.id } }));
      expect(contactTask.dueAt.getTime()).toBe(createdAt.getTime() + HOUR);

      // 54 of the remaining 56 minutes: still on time.
      await env.sleep('54 minutes');
      expect((await handle.query(getLeadStateQuery)).contactOverdue).toBe(false);
      await env.sleep('4 minutes');
      await waitUntil('the overdue follow-up', () => testDb.db.task.findFirst({ where: { leadId: lead.id, title: 'Overdue: contact Four Minutes Late' } }));
      await waitUntil('the workflow to record the contact as overdue', async () => (await handle.query(getLeadStateQuery)).contactOverdue);
    });
  });

  it('flags a lead whose deadline passed before its workflow started at once, and only once', async () => {
    const agent = await buildUser(testDb.db);
    const supervisor = await buildUser(testDb.db, { role: 'SUPERVISOR' });
    const createdAt = new Date((await env.currentTimeMs()) - 3 * HOUR);
    const lead = await buildLead(testDb.db, agent.id, { sellerName: 'Three Hours Late', createdAt });
    await withWorker(env, { db: testDb.db, deadlines: DEFAULT_DEADLINES, taskQueue: TASK_QUEUE }, async () => {
      const handle = await env.client.workflow.start(leadWorkflow, { workflowId: leadWorkflowId(lead.id), taskQueue: TASK_QUEUE, args: [{ leadId: lead.id, status: 'NEW', ownerId: agent.id }] });
      // No time skipped: the deadline is already behind it.
      await waitUntil('the overdue follow-up', () => testDb.db.task.findFirst({ where: { leadId: lead.id, title: 'Overdue: contact Three Hours Late' } }));
      // The task is written by the activity; the workflow records it when it next runs, a moment later.
      await waitUntil('the workflow marks the contact overdue', async () => (await handle.query(getLeadStateQuery)).contactOverdue);

      await env.sleep('6 hours');
      expect(await testDb.db.task.count({ where: { leadId: lead.id, title: 'Overdue: contact Three Hours Late' } })).toBe(1);
      expect(await testDb.db.notification.count({ where: { recipientId: supervisor.id, kind: 'LEAD_CONTACT_OVERDUE', link: `/leads/${lead.id}` } })).toBe(1);
    });
  });
});
