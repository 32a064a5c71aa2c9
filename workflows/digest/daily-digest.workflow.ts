import { proxyActivities } from '@temporalio/workflow';
import type { EmailActivities } from '../../activities/email.activities';
import { DB_ACTIVITY_OPTIONS } from '../activity-options';

const { queueDailyDigests } = proxyActivities<EmailActivities>(DB_ACTIVITY_OPTIONS);

/**
 * Started by the `daily-digest` Schedule every quarter hour: queues the digest of each reader for
 * whom it is now 7 AM (the worker's reconciler starts each message's `email-<id>` workflow).
 */
export async function dailyDigestWorkflow(): Promise<{ queued: number }> {
  return queueDailyDigests({ at: new Date().toISOString() });
}
