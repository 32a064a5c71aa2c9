import { ApplicationFailure } from '@temporalio/common';
import { allHandlersFinished, condition, continueAsNew, proxyActivities, proxyLocalActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { BuyerActivities } from '../../activities/buyers.activities';
import type { SettingsActivities } from '../../activities/settings.activities';
import { POF_REMINDER_DAYS_BEFORE } from '../../domain/buyers/buyer-tasks';
import type { BuyerStatus } from '../../domain/buyers/buyer.schema';
import { BUYER_STATUS_LABELS } from '../../domain/labels/buyer-labels';
import { DB_ACTIVITY_OPTIONS, LOCAL_DB_ACTIVITY_OPTIONS } from '../activity-options';
import { assertNamesActor, verifiesActor, verifyActor } from '../shared/verify-actor';
import { writeOrder } from '../shared/write-order';
import { signalTaskClosed, startTaskWorkflow } from '../tasks/start-task-workflow';
import { buyerArchiveChangedSignal, buyerMergedSignal, changeBuyerStatusUpdate, getBuyerStateQuery, proofOfFundsChangedSignal, type BuyerWorkflowState } from './buyer.messages';

const { getDeadlines, applyBuyerStatus } = proxyLocalActivities<SettingsActivities & BuyerActivities>(LOCAL_DB_ACTIVITY_OPTIONS);
const { createVerifyPofTask, createSendMatchesTask, createPofExpiryTask, cancelBuyerAutomation } = proxyActivities<BuyerActivities>(DB_ACTIVITY_OPTIONS);

export interface BuyerWorkflowInput {
  buyerId: string;
  status: BuyerStatus;
  /** False for a run continued from an earlier one: the creation tasks exist already. */
  isNew: boolean;
  pofExpiresAt?: string | null;
  /** When the buyer was created: its first deadlines count from then, even when this run starts later. */
  createdAt?: string;
  /** Set on a run continued from an archived buyer's: its automation stays stopped. */
  archived?: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

// Each cycle adds a handful of events; a fresh run keeps the history short for years of weekly cycles.
const CYCLES_PER_RUN = 50;

/**
 * Lifecycle of one buyer, workflow id `buyerWorkflowId(buyerId)`: "Verify proof of funds" on creation, then
 * while ACTIVE a durable weekly loop that creates "Send matching properties" only when the
 * buyer has matching leads. Status changes arrive as the `changeBuyerStatus` Update.
 */
export async function buyerWorkflow({ buyerId, status, isNew, pofExpiresAt = null, createdAt, archived }: BuyerWorkflowInput): Promise<void> {
  const state: BuyerWorkflowState = { buyerId, status, cycles: 0, changes: 0, pofExpiresAt, ...(archived ? { archived } : {}) };
  const order = writeOrder();
  let pofVersion = 0;
  setHandler(getBuyerStateQuery, () => state);
  setHandler(proofOfFundsChangedSignal, ({ expiresAt }) => {
    state.pofExpiresAt = expiresAt;
    pofVersion += 1;
  });
  // Archiving stops matching and the reminders and cancels the open automatic tasks; unarchiving
  // restarts both from now (the next matching cycle a full interval away, the reminders re-armed).
  setHandler(buyerArchiveChangedSignal, ({ archived: next }) =>
    order.inTurn(async () => {
      if ((state.archived ?? false) === next) return;
      if (next) {
        const { cancelledTaskIds } = await cancelBuyerAutomation({ buyerId });
        for (const taskId of cancelledTaskIds) await signalTaskClosed(taskId);
      }
      // A change like a status change: the matching loop starts its wait again.
      Object.assign(state, { archived: next, changes: state.changes + 1 });
      pofVersion += 1;
    }),
  );
  // A merged buyer's work lives on the survivor: its automation stops for good and the run ends (below).
  setHandler(buyerMergedSignal, () =>
    order.inTurn(async () => {
      if (state.merged) return;
      const { cancelledTaskIds } = await cancelBuyerAutomation({ buyerId });
      for (const taskId of cancelledTaskIds) await signalTaskClosed(taskId);
      Object.assign(state, { archived: true, merged: true, changes: state.changes + 1 });
      pofVersion += 1;
    }),
  );
  const assertChange = ({ status: to }: { status: BuyerStatus }): void => {
    if (to === state.status) throw ApplicationFailure.nonRetryable(`The buyer is already ${BUYER_STATUS_LABELS[to].toLowerCase()}`, 'INVALID_TRANSITION');
  };
  // In its turn each change is checked again, against the status the changes before it wrote, once
  // the database has confirmed that who asks is an active user (runs from before that patch did not ask).
  setHandler(
    changeBuyerStatusUpdate,
    (input) =>
      order.inTurn(async () => {
        const actorId = verifiesActor() ? (await verifyActor(input.actorId)).id : input.actorId;
        assertChange(input);
        const next = { changes: state.changes + 1, status: input.status };
        order.setBeforeWrite(state, next);
        await applyBuyerStatus({ buyerId, to: input.status, actorId, stepKey: `${workflowInfo().runId}:c${next.changes}` });
        order.setAfterWrite(state, next);
        return state;
      }),
    {
      validator: (input) => {
        assertNamesActor(input);
        assertChange(input);
      },
    },
  );

  // Handlers are set before the first await so an Update sent right after the start is never refused.
  const deadlines = await getDeadlines();
  if (isNew) {
    // Due a day after the buyer's creation, which precedes this run when the buyer was saved while Temporal was down.
    const { taskId } = await createVerifyPofTask({ buyerId, at: createdAt ?? new Date().toISOString(), dueMs: deadlines.verifyPofMs });
    await startTaskWorkflow(taskId);
  }

  // Proof-of-funds reminders run beside the matching loop, re-armed whenever the expiry changes.
  const remindBeforePofExpiry = async (): Promise<void> => {
    for (;;) {
      const version = pofVersion;
      const expiresAt = state.pofExpiresAt;
      for (const daysBefore of expiresAt && !state.archived ? POF_REMINDER_DAYS_BEFORE : []) {
        const remindAt = Date.parse(expiresAt!) - daysBefore * DAY_MS;
        if (Date.parse(expiresAt!) <= Date.now()) break;
        if (remindAt > Date.now() && (await condition(() => pofVersion !== version, remindAt - Date.now()))) break;
        if (pofVersion !== version) break;
        const { taskId } = await createPofExpiryTask({ buyerId, expiresAt: expiresAt!, daysBefore });
        if (taskId) await startTaskWorkflow(taskId);
      }
      await condition(() => pofVersion !== version);
    }
  };
  void remindBeforePofExpiry();

  while (state.cycles < CYCLES_PER_RUN && !state.merged) {
    const changes = state.changes;
    if (state.status !== 'ACTIVE' || state.archived) {
      await condition(() => state.changes !== changes);
      continue;
    }
    const changed = await condition(() => state.changes !== changes, deadlines.matchingIntervalMs);
    if (changed) continue;
    await order.inTurn(async () => {
      if (state.changes !== changes || state.archived) return; // a status change (or archiving) being written when the week ended goes first
      const next = { cycles: state.cycles + 1 };
      const dueAt = new Date(Date.now() + deadlines.matchingIntervalMs).toISOString();
      order.setBeforeWrite(state, next);
      const { taskId } = await createSendMatchesTask({ buyerId, cycleKey: `${workflowInfo().runId}:w${next.cycles}`, dueAt });
      order.setAfterWrite(state, next);
      if (taskId) await startTaskWorkflow(taskId);
    });
  }
  await condition(allHandlersFinished);
  if (state.merged) return;
  await continueAsNew<typeof buyerWorkflow>({ buyerId, status: state.status, isNew: false, pofExpiresAt: state.pofExpiresAt, ...(state.archived ? { archived: true } : {}) });
}
