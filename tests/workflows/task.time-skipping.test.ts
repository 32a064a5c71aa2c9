import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { taskWorkflowId } from '../../domain/workflow-ids';
import { getTaskStateQuery, rescheduleTaskUpdate } from '../../workflows/tasks/task.messages';
import { taskWorkflow } from '../../workflows/tasks/task.workflow';
import { buildUser } from '../support/factories';
import { recordHistory, startTimeSkippingServer, withWorker } from '../support/temporal-env';
import { createTestDb, type TestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

// A task due in a day (the default for "Verify proof of funds"), on Temporal's time-skipping test server.
const TASK_QUEUE = 'task-time-skipping-test';
let env: TestWorkflowEnvironment;
let testDb: TestDb;

beforeAll(async () => {
  [env, testDb] = await Promise.all([startTimeSkippingServer(), createTestDb()]);
});
afterAll(async () => {
  await env?.teardown();
  await testDb?.close();
});

it('flags a task overdue exactly when its due date passes, a day later, not before', async () => {
  const agent = await buildUser(testDb.db, { role: 'ACQUISITIONS' });
  const task = await testDb.db.task.create({
    data: { title: 'Verify proof of funds: Day Buyer', type: 'BUYER', priority: 'HIGH', dueAt: new Date(Date.now() + DEFAULT_DEADLINES.verifyPofMs), assigneeId: agent.id },
  });
  await withWorker(env, { db: testDb.db, deadlines: DEFAULT_DEADLINES, taskQueue: TASK_QUEUE }, async () => {
    const handle = await env.client.workflow.start(taskWorkflow, { workflowId: taskWorkflowId(task.id), taskQueue: TASK_QUEUE, args: [{ taskId: task.id }] });
    await env.sleep('23 hours');
    expect((await handle.query(getTaskStateQuery)).overdue).toBe(false);
    expect(await testDb.db.task.count({ where: { parentTaskId: task.id } })).toBe(0);

    await env.sleep('2 hours');
    const followUp = await waitUntil('the overdue follow-up', () => testDb.db.task.findFirst({ where: { parentTaskId: task.id } }));
    expect(followUp.title).toBe('Overdue follow-up for Verify proof of funds: Day Buyer');
    expect((await testDb.db.task.findUniqueOrThrow({ where: { id: task.id } })).overdue).toBe(true);
  });
});

it('re-arms the timer when the due date moves: nothing at the old due date, overdue at the new one', async () => {
  const agent = await buildUser(testDb.db, { role: 'AGENT' });
  // The test server's clock runs ahead of the wall clock once a test has skipped time.
  const serverNow = await env.currentTimeMs();
  const task = await testDb.db.task.create({
    data: { title: 'Moved task', type: 'FOLLOW_UP', priority: 'MEDIUM', dueAt: new Date(serverNow + 3_600_000), assigneeId: agent.id, createdById: agent.id },
  });
  await withWorker(env, { db: testDb.db, deadlines: DEFAULT_DEADLINES, taskQueue: TASK_QUEUE }, async () => {
    const handle = await env.client.workflow.start(taskWorkflow, { workflowId: taskWorkflowId(task.id), taskQueue: TASK_QUEUE, args: [{ taskId: task.id }] });
    await waitUntil('the task to be assigned', async () => (await handle.query(getTaskStateQuery)).status === 'ASSIGNED');
    const movedTo = new Date(serverNow + 3 * 3_600_000).toISOString();
    await handle.executeUpdate(rescheduleTaskUpdate, { args: [{ dueAt: movedTo, actorId: agent.id }] });

    await env.sleep('2 hours');
    expect((await handle.query(getTaskStateQuery)).overdue).toBe(false);
    expect((await testDb.db.task.findUniqueOrThrow({ where: { id: task.id } })).overdue).toBe(false);

    await env.sleep('2 hours');
    await waitUntil('the moved deadline to fire', async () => (await testDb.db.task.findUniqueOrThrow({ where: { id: task.id } })).overdue);
    await recordHistory(env, 'task-rescheduled', handle.workflowId);
  });
});
