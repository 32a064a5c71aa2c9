import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { DEFAULT_NOTIFICATION_PREFERENCES } from '../../domain/notifications/notification-preferences';
import { localHour } from '../../domain/time/zoned-day';
import { DAILY_DIGEST_SCHEDULE_ID } from '../../domain/workflow-ids';
import { ensureDailyDigestSchedule } from '../../worker/daily-digest-schedule';
import { dailyDigestWorkflow } from '../../workflows/digest/daily-digest.workflow';
import { buildUser } from '../support/factories';
import { recordHistory, startTemporalDevServer, withWorker } from '../support/temporal-env';
import { createTestDb, type TestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

const TASK_QUEUE = 'daily-digest-test';
let env: TestWorkflowEnvironment;
let testDb: TestDb;

beforeAll(async () => {
  [env, testDb] = await Promise.all([startTemporalDevServer(), createTestDb()]);
});
afterAll(async () => {
  await env?.teardown();
  await testDb?.close();
});

/** A zone where it is 7 AM now, so the digest is due when the test runs, whenever that is. */
function zoneAtSevenNow(): string {
  const zones = ['Pacific/Kiritimati', 'Pacific/Auckland', 'Pacific/Noumea', 'Australia/Brisbane', 'Asia/Tokyo', 'Asia/Shanghai', 'Asia/Bangkok', 'Asia/Dhaka', 'Asia/Karachi', 'Asia/Dubai', 'Europe/Moscow', 'Europe/Athens', 'Europe/Paris', 'Europe/London', 'Atlantic/Azores', 'Atlantic/Cape_Verde', 'Atlantic/South_Georgia', 'America/Sao_Paulo', 'America/Halifax', 'America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Gambier', 'Pacific/Honolulu', 'Pacific/Pago_Pago', 'Pacific/Tarawa', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Adelaide', 'America/St_Johns', 'Asia/Tehran', 'Asia/Kabul'];
  const zone = zones.find((candidate) => localHour(new Date(), candidate) === 7);
  if (!zone) throw new Error('no listed zone is at 7 AM now');
  return zone;
}

it('creates the schedule once, every quarter hour', async () => {
  expect(await ensureDailyDigestSchedule(env.client, TASK_QUEUE)).toBe('created');
  expect(await ensureDailyDigestSchedule(env.client, TASK_QUEUE)).toBe('exists');
  const description = await env.client.schedule.getHandle(DAILY_DIGEST_SCHEDULE_ID).describe();
  expect(description.spec.calendars).toEqual([expect.objectContaining({ minute: [{ start: 0, end: 0, step: 1 }, { start: 15, end: 15, step: 1 }, { start: 30, end: 30, step: 1 }, { start: 45, end: 45, step: 1 }] })]);
  expect(description.action).toMatchObject({ type: 'startWorkflow', workflowType: 'dailyDigestWorkflow', taskQueue: TASK_QUEUE });
});

it('queues the digest of a reader for whom it is 7 AM when the schedule fires, once however often it runs', async () => {
  const reader = await buildUser(testDb.db, { name: 'Sol Sunrise' });
  await testDb.db.user.update({ where: { id: reader.id }, data: { notificationPreferences: JSON.stringify({ ...DEFAULT_NOTIFICATION_PREFERENCES, timeZone: zoneAtSevenNow() }) } });
  await testDb.db.task.create({ data: { title: 'Call the title company', type: 'ADMIN', status: 'ASSIGNED', priority: 'HIGH', dueAt: new Date(Date.now() - 3_600_000), overdue: true, assigneeId: reader.id, createdById: reader.id } });
  await withWorker(env, { db: testDb.db, deadlines: DEFAULT_DEADLINES, taskQueue: TASK_QUEUE }, async () => {
    await env.client.schedule.getHandle(DAILY_DIGEST_SCHEDULE_ID).trigger();
    const digest = await waitUntil('the digest queued', () => testDb.db.emailMessage.findFirst({ where: { kind: 'DIGEST', to: reader.email } }));
    expect(digest.subject).toBe('Your day: 1 overdue task');
    expect(digest.text).toContain('Call the title company');

    const again = await env.client.workflow.execute(dailyDigestWorkflow, { workflowId: 'daily-digest-again', taskQueue: TASK_QUEUE });
    expect(again).toEqual({ queued: 0 });
    expect(await testDb.db.emailMessage.count({ where: { kind: 'DIGEST', to: reader.email } })).toBe(1);
    await recordHistory(env, 'daily-digest', 'daily-digest-again');
  });
});
