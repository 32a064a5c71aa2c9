import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { MONTHLY_REVIEW_SCHEDULE_ID } from '../domain/workflow-ids';
import type { monthlyReviewWorkflow } from '../workflows/reviews/monthly-review.workflow';

/**
 * The Temporal Schedule that starts `monthlyReviewWorkflow` at 08:00 on the first day of each
 * month. Created at worker start; an existing schedule is left as it is, so restarts are harmless.
 */
export async function ensureMonthlyReviewSchedule(client: Client, taskQueue: string, timezone = 'UTC'): Promise<'created' | 'exists'> {
  try {
    await client.schedule.create<typeof monthlyReviewWorkflow>({
      scheduleId: MONTHLY_REVIEW_SCHEDULE_ID,
      spec: { calendars: [{ dayOfMonth: 1, hour: 8, minute: 0, comment: 'first day of the month, 08:00' }], timezone },
      action: { type: 'startWorkflow', workflowType: 'monthlyReviewWorkflow', workflowId: MONTHLY_REVIEW_SCHEDULE_ID, taskQueue, args: [] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
    });
    return 'created';
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return 'exists';
    throw error;
  }
}
