import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { LEAD_RESCORE_SCHEDULE_ID } from '../../domain/workflow-ids';
import { ensureLeadRescoreSchedule } from '../../worker/lead-rescore-schedule';
import { leadRescoreWorkflow } from '../../workflows/leads/lead-rescore.workflow';
import { buildLead, buildUser } from '../support/factories';
import { recordHistory, startTemporalDevServer, withWorker } from '../support/temporal-env';
import { createTestDb, type TestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

const TASK_QUEUE = 'lead-rescore-test';
const DAY = 86_400_000;
let env: TestWorkflowEnvironment;
let testDb: TestDb;

beforeAll(async () => {
  [env, testDb] = await Promise.all([startTemporalDevServer(), createTestDb()]);
});
afterAll(async () => {
  await env?.teardown();
  await testDb?.close();
});

it('scores unscored and day-old leads when the schedule is created, leaves fresh scores, and runs every hour', async () => {
  const owner = await buildUser(testDb.db);
  const [unscored, stale, fresh] = [await buildLead(testDb.db, owner.id), await buildLead(testDb.db, owner.id), await buildLead(testDb.db, owner.id)];
  const freshAt = new Date(Date.now() - 3_600_000);
  await testDb.db.lead.update({ where: { id: stale.id }, data: { score: 1, scoreParts: '[]', scoredAt: new Date(Date.now() - 2 * DAY) } });
  await testDb.db.lead.update({ where: { id: fresh.id }, data: { score: 1, scoreParts: '[]', scoredAt: freshAt } });

  await withWorker(env, { db: testDb.db, deadlines: DEFAULT_DEADLINES, taskQueue: TASK_QUEUE }, async () => {
    expect(await ensureLeadRescoreSchedule(env.client, TASK_QUEUE)).toBe('created');
    const scored = await waitUntil('the first run to score the leads', async () => {
      const rows = await testDb.db.lead.findMany({ where: { id: { in: [unscored.id, stale.id] }, scoredAt: { gt: freshAt } } });
      return rows.length === 2 ? rows : undefined;
    });
    expect(scored.every((lead) => lead.score !== null && lead.score !== 1 && JSON.parse(lead.scoreParts!).length > 0)).toBe(true);
    expect(await testDb.db.lead.findUniqueOrThrow({ where: { id: fresh.id } })).toMatchObject({ score: 1, scoredAt: freshAt });

    expect(await ensureLeadRescoreSchedule(env.client, TASK_QUEUE)).toBe('exists');
    const description = await env.client.schedule.getHandle(LEAD_RESCORE_SCHEDULE_ID).describe();
    expect(description.spec.calendars).toEqual([expect.objectContaining({ minute: [{ start: 5, end: 5, step: 1 }] })]);
    expect(description.action).toMatchObject({ type: 'startWorkflow', workflowType: 'leadRescoreWorkflow', taskQueue: TASK_QUEUE });

    // Run again at once: nothing is a day old any more.
    expect(await env.client.workflow.execute(leadRescoreWorkflow, { workflowId: 'lead-rescore-again', taskQueue: TASK_QUEUE })).toEqual({ scored: 0 });
    await recordHistory(env, 'lead-rescore', 'lead-rescore-again');
  });
});
