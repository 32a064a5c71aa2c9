import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { ReviewActivities } from '../../activities/reviews.activities';
import type { SettingsActivities } from '../../activities/settings.activities';
import { DB_ACTIVITY_OPTIONS, LOCAL_DB_ACTIVITY_OPTIONS } from '../activity-options';
import { startTaskWorkflow } from '../tasks/start-task-workflow';

const { getDeadlines } = proxyLocalActivities<SettingsActivities>(LOCAL_DB_ACTIVITY_OPTIONS);
const { createMonthlyReviews } = proxyActivities<ReviewActivities>(DB_ACTIVITY_OPTIONS);

/** Started by the `monthly-performance-review` Schedule on the first day of each month. */
export async function monthlyReviewWorkflow(): Promise<{ taskIds: string[] }> {
  const { reviewDueMs } = await getDeadlines();
  const { taskIds } = await createMonthlyReviews({ at: new Date().toISOString(), dueMs: reviewDueMs });
  for (const taskId of taskIds) await startTaskWorkflow(taskId);
  return { taskIds };
}
