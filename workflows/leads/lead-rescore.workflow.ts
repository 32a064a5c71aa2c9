import { proxyActivities } from '@temporalio/workflow';
import type { LeadScoreActivities } from '../../activities/lead-scores.activities';

// Tens of thousands of leads at a time the first run after an upgrade: it reports progress instead of racing a short timeout.
const { rescoreLeads } = proxyActivities<LeadScoreActivities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Started by the `lead-rescore` Schedule every hour: scores leads never scored and re-scores those
 * scored a day ago, as "days since the last contact" grows without any change to the lead.
 */
export async function leadRescoreWorkflow(): Promise<{ scored: number }> {
  return rescoreLeads({ at: new Date().toISOString() });
}
