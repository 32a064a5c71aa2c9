import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { LEAD_RESCORE_SCHEDULE_ID } from '../domain/workflow-ids';
import type { leadRescoreWorkflow } from '../workflows/leads/lead-rescore.workflow';

/**
 * The Temporal Schedule that starts `leadRescoreWorkflow` every hour, and once at creation so a
 * fresh or upgraded database gets its scores at once. Created at worker start (one schedule
 * however many API processes run); an existing schedule is left as it is.
 */
export async function ensureLeadRescoreSchedule(client: Client, taskQueue: string): Promise<'created' | 'exists'> {
  try {
    await client.schedule.create<typeof leadRescoreWorkflow>({
      scheduleId: LEAD_RESCORE_SCHEDULE_ID,
      spec: { calendars: [{ hour: { start: 0, end: 23 }, minute: 5, comment: 'every hour' }] },
      action: { type: 'startWorkflow', workflowType: 'leadRescoreWorkflow', workflowId: LEAD_RESCORE_SCHEDULE_ID, taskQueue, args: [] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '10 minutes' },
    });
    await client.schedule.getHandle(LEAD_RESCORE_SCHEDULE_ID).trigger();
    return 'created';
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return 'exists';
    throw error;
  }
}
