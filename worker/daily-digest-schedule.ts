import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { DAILY_DIGEST_SCHEDULE_ID } from '../domain/workflow-ids';
import type { dailyDigestWorkflow } from '../workflows/digest/daily-digest.workflow';

/**
 * The Temporal Schedule that starts `dailyDigestWorkflow` every quarter hour, in UTC: each reader's
 * 07:00 falls on one of its runs whatever their zone (zones are whole or half or quarter hours off
 * UTC), and the digest's key keeps it to one per reader and day. Created at worker start; an
 * existing schedule is left as it is, so restarts are harmless.
 */
export async function ensureDailyDigestSchedule(client: Client, taskQueue: string): Promise<'created' | 'exists'> {
  try {
    await client.schedule.create<typeof dailyDigestWorkflow>({
      scheduleId: DAILY_DIGEST_SCHEDULE_ID,
      spec: { calendars: [{ hour: { start: 0, end: 23 }, minute: [0, 15, 30, 45], comment: 'every quarter hour' }] },
      action: { type: 'startWorkflow', workflowType: 'dailyDigestWorkflow', workflowId: DAILY_DIGEST_SCHEDULE_ID, taskQueue, args: [] },
      // A missed run is not caught up: the next quarter hour's run queues what is still due.
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '10 minutes' },
    });
    return 'created';
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return 'exists';
    throw error;
  }
}
