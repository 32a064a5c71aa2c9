import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { taskWorkflowId } from '../../domain/workflow-ids';
import { getTaskStateQuery, transitionTaskUpdate } from '../../workflows/tasks/task.messages';
import { taskWorkflow } from '../../workflows/tasks/task.workflow';
import { buildUser } from '../support/factories';
import { recordHistory, startTemporalDevServer, withFailingActivity, withWorker } from '../support/temporal-env';
import { createTestDb, type TestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

const TASK_QUEUE = 'task-workflow-test';
let env: TestWorkflowEnvironment;
let testDb: TestDb;
let agent: { id: string };
let idle: { id: string };

beforeAll(async () => {
  [env, testDb] = await Promise.all([startTemporalDevServer(), createTestDb()]);
  agent = await buildUser(testDb.db, { role: 'AGENT' });
  idle = await buildUser(testDb.db, { role: 'ACQUISITIONS' });
});
afterAll(async () => {
  await env?.teardown();
  await testDb?.close();
});

const run = <T>(body: () => Promise<T>) => withWorker(env, { db: testDb.db, deadlines: DEFAULT_DEADLINES, taskQueue: TASK_QUEUE }, body);

async function startTask(fields: { title: string; dueInMs: number; requiresReview?: boolean }) {
  // Busy the agent so the workload rule has a clear least-loaded user for overdue follow-ups.
  const task = await testDb.db.task.create({
    data: { title: fields.title, type: 'FOLLOW_UP', priority: 'MEDIUM', dueAt: new Date(Date.now() + fields.dueInMs), assigneeId: agent.id, createdById: agent.id, requiresReview: fields.requiresReview ?? false },
  });
  const handle = await env.client.workflow.start(taskWorkflow, { workflowId: taskWorkflowId(task.id), taskQueue: TASK_QUEUE, args: [{ taskId: task.id }] });
  return { task, handle };
}

describe('taskWorkflow', () => {
  it('flags a task still open at its due date, tells the assignee, and gives the least-loaded user one system follow-up, not born overdue', async () => {
    await run(async () => {
      const { task, handle } = await startTask({ title: 'Send the contract', dueInMs: 1_500 });
      const followUp = await waitUntil('the overdue follow-up', () => testDb.db.task.findFirst({ where: { parentTaskId: task.id } }));
      expect(followUp).toMatchObject({ title: 'Overdue follow-up for Send the contract', type: 'SYSTEM', priority: 'HIGH', assigneeId: idle.id, overdue: false });
      // Due when the date passed would make it overdue at birth: it gets the 15 minutes' grace instead.
      expect(followUp.dueAt.getTime()).toBeGreaterThanOrEqual(followUp.createdAt.getTime() + DEFAULT_DEADLINES.automationGraceMs);
      expect((await testDb.db.task.findUniqueOrThrow({ where: { id: task.id } })).overdue).toBe(true);
      const notified = await testDb.db.notification.findMany({ where: { recipientId: agent.id, kind: 'TASK_OVERDUE', link: `/tasks/${task.id}` } });
      expect(notified.map((n) => [n.title, n.body])).toEqual([['Overdue: Send the contract', `This task was due {time:${task.dueAt.toISOString()}}.`]]);
      await waitUntil('the workflow to record the task as overdue', async () => (await handle.query(getTaskStateQuery)).overdue);
      await recordHistory(env, 'task-overdue', handle.workflowId);
    });
  });

  it('an overdue follow-up that goes overdue itself gets no follow-up of its own, and its notice says Overdue once', async () => {
    await withWorker(env, { db: testDb.db, deadlines: { ...DEFAULT_DEADLINES, automationGraceMs: 1_000 }, taskQueue: TASK_QUEUE }, async () => {
      const { task } = await startTask({ title: 'Send the offer', dueInMs: 1_500 });
      const followUp = await waitUntil('the overdue follow-up', () => testDb.db.task.findFirst({ where: { parentTaskId: task.id } }));
      await waitUntil('the follow-up flagged overdue', async () => (await testDb.db.task.findUniqueOrThrow({ where: { id: followUp.id } })).overdue);
      expect(await testDb.db.task.count({ where: { parentTaskId: followUp.id } })).toBe(0);
      const notice = await waitUntil('the follow-up\'s overdue notice', () => testDb.db.notification.findFirst({ where: { kind: 'TASK_OVERDUE', link: `/tasks/${followUp.id}` } }));
      expect(notice.title).toBe('Overdue: follow-up for Send the offer');
    });
  });

  it('refuses an approval by an agent, and a completion that skips review, leaving the task as it was', async () => {
    await run(async () => {
      const { handle } = await startTask({ title: 'Review me', dueInMs: 3_600_000, requiresReview: true });
      await waitUntil('the task to be assigned', async () => (await handle.query(getTaskStateQuery)).status === 'ASSIGNED');
      const actorId = agent.id;
      await expect(handle.executeUpdate(transitionTaskUpdate, { args: [{ action: 'complete', actorId }] })).rejects.toThrow(WorkflowUpdateFailedError);
      await handle.executeUpdate(transitionTaskUpdate, { args: [{ action: 'submit', actorId }] });
      const refused = await handle.executeUpdate(transitionTaskUpdate, { args: [{ action: 'approve', actorId }] }).catch((error: WorkflowUpdateFailedError) => error);
      expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((refused as WorkflowUpdateFailedError).cause?.message).toBe('only a supervisor can approve a task');
      expect(await handle.query(getTaskStateQuery)).toMatchObject({ status: 'PENDING_REVIEW', step: 1 });
      const supervisor = await buildUser(testDb.db, { role: 'SUPERVISOR' });
      const done = await handle.executeUpdate(transitionTaskUpdate, { args: [{ action: 'approve', actorId: supervisor.id }] });
      expect(done.status).toBe('COMPLETED');
      expect((await handle.result()).status).toBe('COMPLETED');
    });
  });

  it('a completion the database refuses for good leaves the task open in the workflow as in the database, and the task still completes later', async () => {
    const options = { db: testDb.db, deadlines: DEFAULT_DEADLINES, taskQueue: TASK_QUEUE, failing: 'applyTaskTransition' } as const;
    await withFailingActivity(env, options, async () => {
      const { task, handle } = await startTask({ title: 'Refused write', dueInMs: 3_600_000 });
      await waitUntil('the task to be assigned', async () => (await handle.query(getTaskStateQuery)).status === 'ASSIGNED');
      const actorId = agent.id;

      const refused = await handle.executeUpdate(transitionTaskUpdate, { args: [{ action: 'complete', actorId }] }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
      const saved = await testDb.db.task.findUniqueOrThrow({ where: { id: task.id } });
      expect(saved.status).toBe('ASSIGNED');
      expect(await handle.query(getTaskStateQuery)).toMatchObject({ status: saved.status, step: 0 });
      expect((await handle.describe()).status.name).toBe('RUNNING');

      const done = await handle.executeUpdate(transitionTaskUpdate, { args: [{ action: 'complete', actorId }] });
      expect(done).toMatchObject({ status: 'COMPLETED', step: 1 });
      expect((await testDb.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('COMPLETED');
      expect((await handle.result()).status).toBe('COMPLETED');
      await recordHistory(env, 'task-write-refused', handle.workflowId);
    });
  });
});
