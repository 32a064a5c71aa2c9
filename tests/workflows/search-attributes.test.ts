import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { leadWorkflowId, taskWorkflowId } from '../../domain/workflow-ids';
import { leadWorkflow } from '../../workflows/leads/lead.workflow';
import { leadOwnerChangedSignal } from '../../workflows/leads/lead.messages';
import { taskWorkflow } from '../../workflows/tasks/task.workflow';
import { buildLead, buildUser } from '../support/factories';
import { startTemporalDevServer, withWorker } from '../support/temporal-env';
import { createTestDb, type TestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

const TASK_QUEUE = 'search-attributes-test';
let env: TestWorkflowEnvironment;
let testDb: TestDb;

beforeAll(async () => {
  [env, testDb] = await Promise.all([startTemporalDevServer(), createTestDb()]);
});
afterAll(async () => {
  await env?.teardown();
  await testDb?.close();
});

/** The ids of the workflows a visibility query finds (what `temporal workflow list -q` prints). */
async function listWorkflowIds(query: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const workflow of env.client.workflow.list({ query })) ids.push(workflow.workflowId);
  return ids;
}

const found = (query: string, workflowId: string) => async () => (await listWorkflowIds(query)).includes(workflowId);

it('finds an overdue NEW lead by LeadStatus, Overdue and Owner, its contact task by TaskStatus, Assignee and DueAt, and follows an owner change', async () => {
  const agent = await buildUser(testDb.db);
  const other = await buildUser(testDb.db);
  await buildUser(testDb.db, { role: 'SUPERVISOR' });
  // Saved two hours ago: its 1-hour contact deadline has passed, so the workflow flags it at once.
  const lead = await buildLead(testDb.db, agent.id, { createdAt: new Date(Date.now() - 2 * 60 * 60 * 1000) });
  const workflowId = leadWorkflowId(lead.id);
  await withWorker(env, { db: testDb.db, deadlines: DEFAULT_DEADLINES, taskQueue: TASK_QUEUE }, async () => {
    await env.client.workflow.start(leadWorkflow, { workflowId, taskQueue: TASK_QUEUE, args: [{ leadId: lead.id, status: 'NEW', ownerId: agent.id }] });
    await waitUntil('the lead listed as NEW and overdue', found(`LeadStatus='NEW' AND Overdue=true AND Owner='${agent.id}'`, workflowId), 60_000);

    const contactTask = await waitUntil('the contact task assigned', () => testDb.db.task.findFirst({ where: { leadId: lead.id, title: 'Contact lead within 1 hour', status: 'ASSIGNED' } }));
    // The deadline fired at once, but the task itself is not born past due: it falls due the automation grace from now.
    expect(contactTask.dueAt.getTime()).toBeGreaterThanOrEqual(contactTask.createdAt.getTime() + DEFAULT_DEADLINES.automationGraceMs);
    const taskId = taskWorkflowId(contactTask.id);
    await waitUntil(
      'the contact task listed as assigned to the agent, due after now',
      found(`TaskStatus='ASSIGNED' AND Assignee='${agent.id}' AND DueAt > '${new Date().toISOString()}'`, taskId),
      60_000,
    );

    // A task whose due date has passed (saved while the worker was down): its own workflow flags it.
    const late = await testDb.db.task.create({ data: { title: 'Call back the seller', type: 'LEAD', priority: 'MEDIUM', dueAt: new Date(Date.now() - 60_000), assigneeId: agent.id, status: 'ASSIGNED', leadId: lead.id } });
    await env.client.workflow.start(taskWorkflow, { workflowId: taskWorkflowId(late.id), taskQueue: TASK_QUEUE, args: [{ taskId: late.id }] });
    await waitUntil('the late task listed as overdue', found(`TaskStatus='ASSIGNED' AND Overdue=true`, taskWorkflowId(late.id)), 60_000);

    await env.client.workflow.getHandle(workflowId).signal(leadOwnerChangedSignal, { ownerId: other.id });
    await waitUntil('the lead listed under its new owner', found(`LeadStatus='NEW' AND Owner='${other.id}'`, workflowId), 60_000);
    expect(await listWorkflowIds(`Owner='${agent.id}'`)).not.toContain(workflowId);
  });
});
