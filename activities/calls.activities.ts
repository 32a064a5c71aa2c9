import type { Db } from '../db/client';

export function createCallActivities({ db }: { db: Db }) {
  return {
    /**
     * An unanswered call re-armed the next attempt: the lead's next follow-up date moves to it (so
     * it drops down the call queue until then). Only an open, live lead; idempotent.
     */
    async scheduleCallAttempt({ leadId, dueAt }: { leadId: string; dueAt: string }): Promise<void> {
      await db.lead.updateMany({
        where: { id: leadId, archivedAt: null, status: { in: ['NEW', 'CONTACTED', 'QUALIFIED', 'OFFER_MADE', 'UNDER_CONTRACT'] } },
        data: { nextFollowUpAt: new Date(dueAt) },
      });
    },
  };
}
export type CallActivities = ReturnType<typeof createCallActivities>;
