import { Context } from '@temporalio/activity';
import type { Db } from '../db/client';
import { backfillLeadScores } from '../db/writes/lead-score';

// A score counts days since the last contact: one a day old is re-scored (an hour's slack for the hourly run).
const STALE_AFTER_MS = 23 * 3_600_000;

export function createLeadScoreActivities({ db }: { db: Db }) {
  return {
    /**
     * Scores the leads never scored and re-scores those scored more than a day before `at`, a batch
     * per transaction, heartbeating its progress. Idempotent: a retry finds the rows already done
     * (their score time is `at`) and goes on with the rest.
     */
    async rescoreLeads({ at }: { at: string }): Promise<{ scored: number }> {
      const now = new Date(at);
      const heartbeat = (done: number) => (Context.current().info.heartbeatTimeoutMs ? Context.current().heartbeat(done) : undefined);
      const scored = await backfillLeadScores(db, { now, staleBefore: new Date(now.getTime() - STALE_AFTER_MS), onBatch: heartbeat });
      return { scored };
    },
  };
}

export type LeadScoreActivities = ReturnType<typeof createLeadScoreActivities>;
