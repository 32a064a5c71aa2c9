import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DEFAULT_DEADLINES, type Deadlines } from '../../domain/config/deadlines';
import { leadWorkflowId, taskWorkflowId } from '../../domain/workflow-ids';
import { leadWorkflow } from '../../workflows/leads/lead.workflow';
import { getLeadStateQuery } from '../../workflows/leads/lead.messages';
import { buildLead, buildUser } from '../support/factories';
import { recordHistory as recordWorkflowHistory, startTemporalDevServer, withWorker as runWithWorker } from '../support/temporal-env';
import { createTestDb, type TestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

const TASK_QUEUE = 'lead-workflow-test';

let env: TestWorkflowEnvironment;
let testDb: TestDb;
let agentId: string;
let supervisorIds: string[];

beforeAll(async () => {
  [env, testDb] = await Promise.all([startTemporalDevServer(), createTestDb()]);
  agentId = (await buildUser(testDb.db, { role: 'AGENT' })).id;
  supervisorIds = [(await buildUser(testDb.db, { role: 'SUPERVISOR' })).id, (await buildUser(testDb.db, { role: 'SUPERVISOR' })).id];
  await buildUser(testDb.db, { role: 'SUPERVISOR', active: false });
});

afterAll(async () => {
  await env?.teardown();
  await testDb?.close();
});

const withWorker = <T>(deadlines: Deadlines, run: () => Promise<T>): Promise<T> =>
  runWithWorker(env, { db: testDb.db, deadlines, taskQueue: TASK_QUEUE }, run);

function startLeadWorkflow(leadId: string) {
  return env.client.workflow.start(leadWorkflow, { workflowId: leadWorkflowId(leadId), taskQueue: TASK_QUEUE, args: [{ leadId, status: 'NEW' }] });
}

const recordHistory = (name: string, workflowId: string) => recordWorkflowHistory(env, name, workflowId);

describe('leadWorkflow', () => {
  it('creates "Contact lead within 1 hour" for the owner, due an hour after creation, and assigns it', async () => {
    const lead = await buildLead(testDb.db, agentId);
    await withWorker(DEFAULT_DEADLINES, async () => {
      const handle = await startLeadWorkflow(lead.id);
      const task = await waitUntil('the contact task to be assigned', () =>
        testDb.db.task.findFirst({ where: { leadId: lead.id, status: 'ASSIGNED' } }),
      );
      expect(task).toMatchObject({ title: 'Contact lead within 1 hour', type: 'LEAD', priority: 'HIGH', assigneeId: agentId, overdue: false });
      expect(task.dueAt.getTime()).toBe(lead.createdAt.getTime() + 60 * 60 * 1000);

      const state = await handle.query(getLeadStateQuery);
      expect(state).toMatchObject({ status: 'NEW', contactTaskId: task.id, contactOverdue: false });
      const taskRun = await env.client.workflow.getHandle(taskWorkflowId(task.id)).describe();
      expect(taskRun.status.name).toBe('RUNNING');

      const notification = await testDb.db.notification.findFirst({ where: { recipientId: agentId, kind: 'TASK_ASSIGNED', link: `/tasks/${task.id}` } });
      expect(notification).not.toBeNull();
      const actions = await testDb.db.event.findMany({ where: { entityId: task.id }, orderBy: { id: 'asc' } });
      expect(actions.map((event) => event.action)).toEqual(['created', 'assigned']);
      await recordHistory('lead-new', handle.workflowId);
      await recordHistory('task-assigned', taskWorkflowId(task.id));
    });
  });

  it('flags the contact task overdue, notifies active supervisors and creates a follow-up when the lead is still NEW, not born overdue', async () => {
    const lead = await buildLead(testDb.db, agentId, { sellerName: 'Grace Overdue' });
    await withWorker({ ...DEFAULT_DEADLINES, contactMs: 1_500, automationGraceMs: 1_000 }, async () => {
      const handle = await startLeadWorkflow(lead.id);
      const followUp = await waitUntil('the overdue follow-up to be assigned', () =>
        testDb.db.task.findFirst({ where: { leadId: lead.id, title: 'Overdue: contact Grace Overdue', status: 'ASSIGNED' } }),
      );
      expect(followUp).toMatchObject({ type: 'FOLLOW_UP', priority: 'HIGH', assigneeId: agentId });
      // Due when the deadline fired (a moment ago), it would raise its own overdue notice at once: the grace makes it due after it was created.
      expect(followUp.dueAt.getTime()).toBeGreaterThanOrEqual(followUp.createdAt.getTime() + 1_000);

      const contactTask = await testDb.db.task.findFirstOrThrow({ where: { leadId: lead.id, title: 'Contact lead within 1 hour' } });
      expect(contactTask.overdue).toBe(true);
      expect(followUp.parentTaskId).toBe(contactTask.id);

      const notified = await testDb.db.notification.findMany({ where: { kind: 'LEAD_CONTACT_OVERDUE', link: `/leads/${lead.id}` } });
      expect(notified.map((n) => n.recipientId).sort()).toEqual([...supervisorIds].sort());
      expect(notified[0]!.title).toContain('Grace Overdue');

      const overdueEvent = await testDb.db.event.findFirst({ where: { entityId: contactTask.id, action: 'overdue' } });
      expect(overdueEvent).not.toBeNull();
      await waitUntil('the workflow to record the overdue state', async () => (await handle.query(getLeadStateQuery)).contactOverdue);
      await recordHistory('lead-contact-overdue', handle.workflowId);
    });
  });

  it('leaves a lead alone at the deadline once it is no longer NEW', async () => {
    const lead = await buildLead(testDb.db, agentId);
    await withWorker({ ...DEFAULT_DEADLINES, contactMs: 1_500, automationGraceMs: 1_000 }, async () => {
      const handle = await startLeadWorkflow(lead.id);
      const contactTask = await waitUntil('the contact task', () => testDb.db.task.findFirst({ where: { leadId: lead.id } }));
      await testDb.db.lead.update({ where: { id: lead.id }, data: { status: 'CONTACTED' } });
      await waitUntil('the deadline to fire and the lead to be checked', async () => {
        const events = (await handle.fetchHistory()).events ?? [];
        const fired = events.findIndex((event) => event.timerFiredEventAttributes);
        return fired >= 0 && events.slice(fired).some((event) => event.activityTaskCompletedEventAttributes);
      });
      expect((await handle.query(getLeadStateQuery)).contactOverdue).toBe(false);
      // The supervisors are not told and no "Overdue: contact" is created (the task's own workflow may still flag the open task).
      expect(await testDb.db.notification.count({ where: { kind: 'LEAD_CONTACT_OVERDUE', link: `/leads/${lead.id}` } })).toBe(0);
      expect(await testDb.db.task.count({ where: { leadId: lead.id } })).toBe(1);
      expect(contactTask.title).toBe('Contact lead within 1 hour');
    });
  });
});
