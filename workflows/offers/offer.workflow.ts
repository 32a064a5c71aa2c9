import { ApplicationFailure } from '@temporalio/common';
import { allHandlersFinished, condition, patched, proxyActivities, proxyLocalActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { OfferActivities } from '../../activities/offers.activities';
import type { SettingsActivities } from '../../activities/settings.activities';
import type { Deadlines } from '../../domain/config/deadlines';
import { checkOfferTransition, OPEN_OFFER_STATUSES, type OfferStatus } from '../../domain/offers/offer-transitions';
import { checkPurchaseAcceptance } from '../../domain/offers/purchase-acceptance';
import { DB_ACTIVITY_OPTIONS, LOCAL_DB_ACTIVITY_OPTIONS } from '../activity-options';
import { remindBeforeExpiry } from '../shared/remind-before-expiry';
import { assertNamesActor, verifiesActor, verifyActor } from '../shared/verify-actor';
import { writeOrder } from '../shared/write-order';
import { requestLeadStatus } from '../leads/request-lead-status';
import { signalTaskClosed, startTaskWorkflow } from '../tasks/start-task-workflow';
import { changeOfferStatusUpdate, getOfferStateQuery, type OfferWorkflowState } from './offer.messages';

const { getDeadlines, applyOfferStatus, readOfferLead } = proxyLocalActivities<SettingsActivities & OfferActivities>(LOCAL_DB_ACTIVITY_OPTIONS);
const { createOfferExpiryTask } = proxyActivities<OfferActivities>(DB_ACTIVITY_OPTIONS);

export interface OfferWorkflowInput {
  offerId: string;
  status: OfferStatus;
  expiresAt: string | null;
}

/**
 * Patch id: accepting a purchase offer checks its lead's stage first (domain/offers/purchase-acceptance.ts)
 * and moves a contacted or qualified lead to OFFER_MADE before the acceptance is written. Runs recorded
 * before it accepted whatever the lead's stage.
 */
export const OFFER_ACCEPT_LEAD_STAGE_PATCH = 'offer-accept-lead-stage';

const isOpen = (status: OfferStatus): boolean => OPEN_OFFER_STATUSES.includes(status);

/**
 * Lifecycle of one offer, workflow id `offerWorkflowId(offerId)`. SENT creates "Follow up on offer status";
 * the expiry time is a durable timer that marks a still-open offer EXPIRED; an accepted
 * PURCHASE offer asks the lead's workflow to move the lead UNDER_CONTRACT. Reminders come 7
 * days and 1 day before the expiry.
 */
export async function offerWorkflow({ offerId, status, expiresAt }: OfferWorkflowInput): Promise<OfferWorkflowState> {
  const state: OfferWorkflowState = { offerId, status, changes: 0 };
  const order = writeOrder();
  let deadlines: Deadlines | undefined = undefined; // loaded after the handlers are set

  // The lead to move to OFFER_MADE before accepting, or null; refuses an acceptance the lead's stage does not allow.
  const leadToMoveFirst = async (to: OfferStatus): Promise<string | null> => {
    if (to !== 'ACCEPTED' || !patched(OFFER_ACCEPT_LEAD_STAGE_PATCH)) return null;
    const offer = await readOfferLead({ offerId });
    if (offer.kind !== 'PURCHASE') return null;
    const check = checkPurchaseAcceptance(offer.leadStatus);
    if (!check.ok) throw ApplicationFailure.nonRetryable(check.reason, 'INVALID_TRANSITION');
    return check.movesLeadToOfferMade ? offer.leadId : null;
  };

  const changeStatus = async (to: OfferStatus, actorId: string | null): Promise<OfferWorkflowState> => {
    const moveFirst = await leadToMoveFirst(to);
    // The lead's workflow takes the two moves in order: offer made now, under contract once the acceptance is written.
    if (moveFirst !== null) await requestLeadStatus(moveFirst, 'OFFER_MADE', actorId);
    const at = new Date().toISOString();
    const next = { changes: state.changes + 1, status: to };
    order.setBeforeWrite(state, next);
    const stepKey = `${workflowInfo().runId}:c${next.changes}`;
    await condition(() => deadlines !== undefined);
    const result = await applyOfferStatus({ offerId, to, actorId, stepKey, at, followUpMs: deadlines!.offerFollowUpMs });
    order.setAfterWrite(state, next);
    for (const taskId of result.createdTaskIds) await startTaskWorkflow(taskId);
    for (const taskId of result.cancelledTaskIds) await signalTaskClosed(taskId);
    if (to === 'ACCEPTED' && result.kind === 'PURCHASE') {
      await requestLeadStatus(result.leadId, 'UNDER_CONTRACT', actorId);
    }
    return state;
  };

  const assertAllowed = ({ status: to }: { status: OfferStatus }): void => {
    const check = checkOfferTransition(state.status, to);
    if (!check.ok) throw ApplicationFailure.nonRetryable(check.reason, 'INVALID_TRANSITION');
  };
  setHandler(getOfferStateQuery, () => state);
  // In its turn each change is checked again, against the status the changes before it wrote, once
  // the database has confirmed that who asks is an active user (runs from before that patch did not ask).
  setHandler(
    changeOfferStatusUpdate,
    (input) =>
      order.inTurn(() => {
        if (!verifiesActor()) {
          assertAllowed(input);
          return changeStatus(input.status, input.actorId);
        }
        return verifyActor(input.actorId).then((actor) => {
          assertAllowed(input);
          return changeStatus(input.status, actor.id);
        });
      }),
    {
      validator: (input) => {
        assertNamesActor(input);
        assertAllowed(input);
      },
    },
  );

  deadlines = await getDeadlines();
  // "Renew or act on expiring offer" 7 days and 1 day before, beside the expiry timer.
  if (expiresAt !== null) {
    void remindBeforeExpiry(expiresAt, () => !isOpen(state.status), (daysBefore) =>
      order.inTurn(async () => {
        if (!isOpen(state.status)) return; // closed by a change being written when the reminder fell due
        const { taskId } = await createOfferExpiryTask({ offerId, expiresAt, daysBefore });
        if (taskId) await startTaskWorkflow(taskId);
      }),
    );
  }
  while (isOpen(state.status)) {
    const changes = state.changes;
    if (expiresAt === null) {
      await condition(() => state.changes !== changes);
      continue;
    }
    const changed = await condition(() => state.changes !== changes, Math.max(1, Date.parse(expiresAt) - Date.now()));
    if (changed) continue;
    // A change being written when the offer expired goes first; an offer it closed does not expire.
    await order.inTurn(async () => {
      if (isOpen(state.status)) await changeStatus('EXPIRED', null);
    });
  }
  await condition(allHandlersFinished);
  return state;
}
