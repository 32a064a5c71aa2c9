import { patched, proxyActivities } from '@temporalio/workflow';
import type { CallActivities } from '../../activities/calls.activities';
import type { CallOutcome } from '../../domain/calls/call.schema';
import { nextCallAttemptAt } from '../../domain/calls/next-call-attempt';
import { DB_ACTIVITY_OPTIONS } from '../activity-options';
import type { WriteOrder } from '../shared/write-order';
import type { LeadWorkflowState } from './lead.messages';

const { scheduleCallAttempt, armNextCallAttempt } = proxyActivities<CallActivities>(DB_ACTIVITY_OPTIONS);

/** Patch id: runs since it act on logged calls; histories recorded before it never received one. */
export const LEAD_CALL_ATTEMPTS_PATCH = 'lead-call-attempts';

/**
 * Patch id: runs since it take the next attempt's time from an activity (the Settings' delay from
 * the call's time, in the owner's time zone); runs recorded before it computed one business day
 * from the workflow's clock, and replay that way.
 */
export const CALL_ATTEMPT_SETTING_PATCH = 'call-attempt-setting';

/**
 * The lead workflow's `leadCallLogged` handler: an unanswered call (no answer, voicemail) on an
 * open, live lead re-arms the next attempt after the delay admins chose in Settings (the next
 * business day unless changed): the lead's next follow-up date moves there and, for a CONTACTED
 * lead, the follow-up timer too (a new step wakes the loop).
 * Talks and dead ends arrive as the `changeLeadStatus` Update, like every status change.
 */
export function callLoggedHandler(leadId: string, state: LeadWorkflowState, order: WriteOrder) {
  return ({ outcome, at }: { outcome: CallOutcome; at: string }): Promise<void> =>
    order.inTurn(async () => {
      if (!patched(LEAD_CALL_ATTEMPTS_PATCH)) return;
      if (outcome !== 'NO_ANSWER' && outcome !== 'VOICEMAIL') return;
      if (state.archived || state.status === 'CLOSED' || state.status === 'DEAD') return;
      let dueAt: string;
      if (patched(CALL_ATTEMPT_SETTING_PATCH)) {
        ({ dueAt } = await armNextCallAttempt({ leadId, at }));
      } else {
        dueAt = nextCallAttemptAt(new Date()).toISOString();
        await scheduleCallAttempt({ leadId, dueAt });
      }
      if (state.status === 'CONTACTED') Object.assign(state, { step: state.step + 1, followUpDueAt: dueAt });
    });
}
