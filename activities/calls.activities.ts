import { ApplicationFailure } from '@temporalio/common';
import { nextCallAttemptIn } from '../domain/calls/next-call-attempt';
import { OPEN_LEAD_STATUSES } from '../domain/leads/lead-status';
import { readNotificationPreferences } from '../domain/notifications/notification-preferences';
import type { Db } from '../db/client';
import { effectiveCallSettings, loadStoredSettings } from '../db/writes/settings-store';

// Written only when it moves, so a retry leaves the row (its updatedAt too) as the first run did.
const armNextFollowUp = (db: Db, leadId: string, dueAt: Date) =>
  db.lead.updateMany({
    where: { id: leadId, archivedAt: null, status: { in: [...OPEN_LEAD_STATUSES] }, OR: [{ nextFollowUpAt: null }, { nextFollowUpAt: { not: dueAt } }] },
    data: { nextFollowUpAt: dueAt },
  });

export function createCallActivities({ db }: { db: Db }) {
  return {
    /**
     * An unanswered call re-armed the next attempt: the lead's next follow-up date moves to it (so
     * it drops down the call queue until then). Only an open, live lead; idempotent. Runs recorded
     * before the `call-attempt-setting` patch pass the due time they computed themselves.
     */
    async scheduleCallAttempt({ leadId, dueAt }: { leadId: string; dueAt: string }): Promise<void> {
      await armNextFollowUp(db, leadId, new Date(dueAt));
    },

    /**
     * The next attempt after an unanswered call logged `at`: the Settings' delay ("Next call attempt
     * after no answer / voicemail") counted from the call, in the lead owner's time zone. The lead's
     * next follow-up date moves there (an open, live lead only). Counted from the call, not from
     * this run, so a retried attempt writes the same time.
     */
    async armNextCallAttempt({ leadId, at }: { leadId: string; at: string }): Promise<{ dueAt: string }> {
      const lead = await db.lead.findUnique({ where: { id: leadId }, select: { owner: { select: { notificationPreferences: true } } } });
      if (!lead) throw ApplicationFailure.nonRetryable(`lead ${leadId} does not exist`, 'LEAD_NOT_FOUND');
      const { retryDelay } = effectiveCallSettings(await loadStoredSettings(db));
      const { timeZone } = readNotificationPreferences(lead.owner.notificationPreferences);
      const dueAt = nextCallAttemptIn(new Date(at), retryDelay, timeZone);
      await armNextFollowUp(db, leadId, dueAt);
      return { dueAt: dueAt.toISOString() };
    },
  };
}
export type CallActivities = ReturnType<typeof createCallActivities>;
