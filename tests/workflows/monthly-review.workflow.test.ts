import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { monthKey } from '../../domain/tasks/monthly-review';
import { MONTHLY_REVIEW_SCHEDULE_ID } from '../../domain/workflow-ids';
import { ensureMonthlyReviewSchedule } from '../../worker/monthly-review-schedule';
import { monthlyReviewWorkflow } from '../../workflows/reviews/monthly-review.workflow';
import { buildUser } from '../support/factories';
import { recordHistory, startTemporalDevServer, withWorker } from '../support/temporal-env';
import { createTestDb, type TestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

const TASK_QUEUE = 'monthly-review-test';
let env: TestWorkflowEnvironment;
let testDb: TestDb;

beforeAll(async () => {
  [env, testDb] = await Promise.all([startTemporalDevServer(), createTestDb()]);
});
afterAll(async () => {
  await env?.teardown();
  await testDb?.close();
});

it('creates the schedule once, for 08:00 on the first day of each month', async () => {
  expect(await ensureMonthlyReviewSchedule(env.client, TASK_QUEUE)).toBe('created');
  expect(await ensureMonthlyReviewSchedule(env.client, TASK_QUEUE)).toBe('exists');
  const description = await env.client.schedule.getHandle(MONTHLY_REVIEW_SCHEDULE_ID).describe();
  expect(description.spec.calendars).toEqual([expect.objectContaining({ dayOfMonth: [{ start: 1, end: 1, step: 1 }], hour: [{ start: 8, end: 8, step: 1 }] })]);
  expect(description.action).toMatchObject({ type: 'startWorkflow', workflowType: 'monthlyReviewWorkflow', taskQueue: TASK_QUEUE });
});

it('gives each active agent a review for the least-loaded supervisor, once per month, when the schedule fires', async () => {
  const agents = [await buildUser(testDb.db, { name: 'Ann Agent' }), await buildUser(testDb.db, { role: 'ACQUISITIONS', name: 'Aqui Sition' })];
  await buildUser(testDb.db, { name: 'Gone Agent', active: false });
  const supervisor = await buildUser(testDb.db, { role: 'SUPERVISOR' });
  await withWorker(env, { db: testDb.db, deadlines: DEFAULT_DEADLINES, taskQueue: TASK_QUEUE }, async () => {
    await env.client.schedule.getHandle(MONTHLY_REVIEW_SCHEDULE_ID).trigger();
    const reviews = await waitUntil('both reviews assigned', async () => {
      const rows = await testDb.db.task.findMany({ where: { title: { startsWith: 'Monthly performance review' }, status: 'ASSIGNED' }, orderBy: { title: 'asc' } });
      return rows.length === 2 && rows;
    });
    const month = monthKey(new Date());
    expect(reviews.map((task) => task.title)).toEqual([`Monthly performance review: Ann Agent (${month})`, `Monthly performance review: Aqui Sition (${month})`]);
    expect(reviews.every((task) => task.assigneeId === supervisor.id && task.priority === 'MEDIUM')).toBe(true);
    expect(reviews[0]!.dueAt.getTime() - reviews[0]!.createdAt.getTime()).toBeGreaterThan(DEFAULT_DEADLINES.reviewDueMs - 60_000);
    expect(agents).toHaveLength(2);

    // Run again in the same month (a retry or a manual trigger): nothing is duplicated.
    const again = await env.client.workflow.execute(monthlyReviewWorkflow, { workflowId: 'monthly-review-again', taskQueue: TASK_QUEUE });
    expect(again.taskIds.sort()).toEqual(reviews.map((task) => task.id).sort());
    expect(await testDb.db.task.count({ where: { title: { startsWith: 'Monthly performance review' } } })).toBe(2);
    await recordHistory(env, 'monthly-review', 'monthly-review-again');
  });
});
