import { ApplicationFailure } from '@temporalio/common';
import { allHandlersFinished, condition, continueAsNew, patched, proxyActivities, proxyLocalActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { LeadStatusActivities } from '../../activities/lead-status.activities';
import type { LeadActivities } from '../../activities/leads.activities';
import type { SettingsActivities } from '../../activities/settings.activities';
import { checkLeadTransition } from '../../domain/leads/lead-status';
import type { Deadlines } from '../../domain/config/deadlines';
import type { LeadStatus } from '../../domain/leads/lead.schema';
import { DB_ACTIVITY_OPTIONS, LOCAL_DB_ACTIVITY_OPTIONS } from '../activity-options';
import { assertNamesActor, isActiveActor, verifiesActor, verifyActor } from '../shared/verify-actor';
import { leadStatusAttribute, overdueAttribute, ownerAttribute, searchAttributeUpserter } from '../shared/search-attributes';
import { writeOrder } from '../shared/write-order';
import { skipsContactTask } from './cold-list';
import { signalTaskClosed, startTaskWorkflow } from '../tasks/start-task-workflow';
import {
  changeLeadStatusUpdate,
  getLeadStateQuery,
  leadArchiveChangedSignal,
  leadCallLoggedSignal,
  leadMergedSignal,
  leadOwnerChangedSignal,
  requestLeadStatusSignal,
  type ChangeLeadStatusInput,
  type LeadWorkflowState,
} from './lead.messages';
import { callLoggedHandler } from './lead-calls';

const { getDeadlines, createContactTask, applyLeadStatus } = proxyLocalActivities<
  LeadActivities & LeadStatusActivities & SettingsActivities
>(LOCAL_DB_ACTIVITY_OPTIONS);
const { flagContactOverdue, createNextFollowUp, pauseLeadAutomation, resumeLeadAutomation, armFollowUpAtStart } = proxyActivities<LeadActivities & LeadStatusActivities>(DB_ACTIVITY_OPTIONS);

export interface LeadWorkflowInput {
  leadId: string;
  /** The lead's status when this run starts: NEW for a new lead, DEAD for a run that reopens it. */
  status: LeadStatus;
  /** The lead's owner, for the `Owner` search attribute (runs started before it was passed have none until it changes). */
  ownerId?: string;
  /** Set on a run continued from an earlier one: the state it carries on (its contact stage is over). */
  continued?: Omit<LeadWorkflowState, 'leadId' | 'status'>;
  /** A lead from a purchased list (LIST_IMPORT): no "contact within 1 hour" task; it waits in the call queue. */
  coldList?: boolean;
  /**
   * The API saved the contact task with the lead and starts that task's workflow beside this one:
   * the run only arms the task's deadline. Without it (the reconciler's starts, runs from before)
   * the run starts the task's workflow as a child, which costs it a workflow task more.
   */
  contactTaskStarted?: boolean;
  /** Follow-ups one run creates before it continues as new; tests lower it. */
  followUpsPerRun?: number;
}

/**
 * Patch id: a run started with the lead already CONTACTED (the demo data, a late start) arms its
 * follow-up timer and next follow-up date; runs recorded before it waited for the next move.
 */
export const LEAD_START_CONTACTED_PATCH = 'lead-start-contacted';

/** Patch id: runs since it continue as new; runs recorded before it replay without. */
export const LEAD_CONTINUE_AS_NEW_PATCH = 'lead-continue-as-new';

// Each follow-up adds a dozen events; a fresh run keeps the history short for years of 3-day follow-ups.
const FOLLOW_UPS_PER_RUN = 50;

const isFinal = (status: LeadStatus): boolean => status === 'CLOSED' || status === 'DEAD';
const msUntil = (iso: string): number => Math.max(1, Date.parse(iso) - Date.now());

/**
 * Lifecycle of one lead, workflow id `leadWorkflowId(leadId)`. Owns the pipeline status:
 * changes arrive as the `changeLeadStatus` Update, validated by the domain's transition rules.
 * Holds the contact deadline and the repeating follow-up as durable timers, continuing as new
 * after `followUpsPerRun` follow-ups. Ends when the lead is CLOSED or DEAD (a dead lead
 * reopened later starts a new run).
 */
export async function leadWorkflow({ leadId, status, ownerId, continued, coldList, contactTaskStarted, followUpsPerRun = FOLLOW_UPS_PER_RUN }: LeadWorkflowInput): Promise<LeadWorkflowState> {
  const state: LeadWorkflowState = { leadId, status, contactTaskId: null, contactOverdue: false, step: 0, followUpDueAt: null, ...continued };
  const order = writeOrder();
  // LeadStatus, Owner and Overdue as search attributes, upserted whenever they change.
  const upsertSearchAttributes = searchAttributeUpserter();
  let owner = ownerId;
  const publishSearchAttributes = (): void =>
    upsertSearchAttributes([
      { key: leadStatusAttribute, value: state.status },
      { key: overdueAttribute, value: state.contactOverdue },
      ...(owner ? [{ key: ownerAttribute, value: owner }] : []),
    ]);
  publishSearchAttributes();
  let deadlines: Deadlines | undefined = undefined; // loaded after the handlers are set
  // Decided before the first await: a patch checked after the deadlines' local activity could land in a later
  // workflow task than the one replay resumes the code in (a query arriving meanwhile splits the task).
  const armsStartFollowUp = !continued && status === 'CONTACTED' && patched(LEAD_START_CONTACTED_PATCH);
  // A dead lead reopened gets a new run, whose changes must not collide with the old run's.
  const stepKey = (step: number): string => `${workflowInfo().runId}:s${step}`;
  // Handlers are set before the first await: an Update sent with the start (a reopened lead) is delivered at once.
  setHandler(getLeadStateQuery, () => state);

  const refusal = ({ status: to, reason }: { status: LeadStatus; reason?: string }): string | null => {
    const check = checkLeadTransition(state.status, to, reason);
    return check.ok ? null : check.reason;
  };
  const assertAllowed = (input: ChangeLeadStatusInput): void => {
    const reason = refusal(input);
    if (reason !== null) throw ApplicationFailure.nonRetryable(reason, 'INVALID_TRANSITION');
  };

  const changeStatus = async ({ status: to, reason, actorId }: { status: LeadStatus; reason?: string; actorId: string | null }): Promise<LeadWorkflowState> => {
    const at = new Date().toISOString();
    const step = state.step + 1;
    order.setBeforeWrite(state, { step, status: to });
    await condition(() => deadlines !== undefined);
    const followUpDueAt = to === 'CONTACTED' ? new Date(Date.parse(at) + deadlines!.followUpMs).toISOString() : null;
    order.setBeforeWrite(state, { followUpDueAt });
    const { createdTaskIds, completedTaskIds, cancelledTaskIds } = await applyLeadStatus({ leadId, to, reason, actorId, stepKey: stepKey(step), at, deadlines: deadlines! });
    order.setAfterWrite(state, { step, status: to, followUpDueAt });
    publishSearchAttributes();
    for (const taskId of createdTaskIds) await startTaskWorkflow(taskId);
    for (const taskId of completedTaskIds) await signalTaskClosed(taskId, 'COMPLETED');
    for (const taskId of cancelledTaskIds) await signalTaskClosed(taskId);
    return state;
  };
  // In its turn each change is checked again, against the status the changes before it wrote, once
  // the database has confirmed that who asks is an active user (runs from before that patch did not ask).
  setHandler(
    changeLeadStatusUpdate,
    (input) =>
      order.inTurn(() => {
        if (!verifiesActor()) {
          assertAllowed(input);
          return changeStatus(input);
        }
        return verifyActor(input.actorId).then((actor) => {
          assertAllowed(input);
          return changeStatus({ ...input, actorId: actor.id });
        });
      }),
    {
      validator: (input) => {
        assertNamesActor(input);
        assertAllowed(input);
      },
    },
  );
  // Archiving stops the automation and cancels the open automatic tasks; unarchiving restarts it from now
  // (a NEW lead's contact deadline counts from the unarchiving: its creation may be long past).
  setHandler(leadArchiveChangedSignal, ({ archived }) =>
    order.inTurn(async () => {
      if ((state.archived ?? false) === archived || isFinal(state.status)) return;
      const step = state.step + 1;
      if (archived) {
        const { cancelledTaskIds } = await pauseLeadAutomation({ leadId });
        Object.assign(state, { step, archived: true, followUpDueAt: null, contactDeadlineAt: null });
        for (const taskId of cancelledTaskIds) await signalTaskClosed(taskId);
        return;
      }
      await condition(() => deadlines !== undefined);
      const at = new Date().toISOString();
      const { createdTaskIds } = await resumeLeadAutomation({ leadId, stepKey: stepKey(step), at, deadlines: deadlines! });
      const from = Date.parse(at);
      Object.assign(state, {
        step,
        archived: false,
        followUpDueAt: state.status === 'CONTACTED' ? new Date(from + deadlines!.followUpMs).toISOString() : null,
        contactDeadlineAt: state.status === 'NEW' ? new Date(from + deadlines!.contactMs).toISOString() : null,
        ...(state.status === 'NEW' && createdTaskIds[0] ? { contactTaskId: createdTaskIds[0], contactOverdue: false } : {}),
      });
      publishSearchAttributes();
      for (const taskId of createdTaskIds) await startTaskWorkflow(taskId);
    }),
  );
  // A merged lead's work lives on the survivor: its automation stops for good and the run ends (below).
  setHandler(leadMergedSignal, () =>
    order.inTurn(async () => {
      if (state.merged || isFinal(state.status)) return;
      const { cancelledTaskIds } = await pauseLeadAutomation({ leadId });
      Object.assign(state, { step: state.step + 1, archived: true, merged: true, followUpDueAt: null, contactDeadlineAt: null });
      for (const taskId of cancelledTaskIds) await signalTaskClosed(taskId);
    }),
  );
  setHandler(leadCallLoggedSignal, callLoggedHandler(leadId, state, order));
  setHandler(leadOwnerChangedSignal, ({ ownerId: next }) => {
    owner = next;
    publishSearchAttributes();
  });
  // A move another workflow asks for on a user's behalf; ignored unless the pipeline allows it and that user is active.
  setHandler(requestLeadStatusSignal, (input) =>
    order.inTurn(async () => {
      if (refusal(input) !== null || state.archived) return;
      if (verifiesActor() && !(await isActiveActor(input.actorId))) return;
      if (refusal(input) === null) await changeStatus(input);
    }),
  );

  const loaded = await getDeadlines();
  deadlines = loaded;
  if (!continued && state.status === 'NEW' && !skipsContactTask({ coldList })) {
    const { taskId, dueAt, deadlineAt } = await createContactTask({ leadId, contactMs: loaded.contactMs });
    state.contactTaskId = taskId;
    if (!contactTaskStarted) await startTaskWorkflow(taskId);
    // The deadline counts from the lead's creation, which may precede this workflow (a lead saved while Temporal was down).
    // Histories recorded before `deadlineAt` existed timed the task's due time.
    // Archiving also ends this wait: an archived lead is never flagged (unarchiving re-arms the deadline in the loop below).
    const advanced = await condition(() => state.status !== 'NEW' || state.archived === true, msUntil(deadlineAt ?? dueAt));
    if (!advanced) {
      // A move (or archiving) being written when the deadline passed goes first.
      await order.inTurn(async () => {
        if (state.status !== 'NEW' || state.archived) return;
        const { followUpTaskId } = await flagContactOverdue({ leadId, contactTaskId: taskId, firedAt: new Date().toISOString() });
        state.contactOverdue = followUpTaskId !== null;
        publishSearchAttributes();
        if (followUpTaskId) await startTaskWorkflow(followUpTaskId);
      });
    }
  } else if (!continued && isFinal(state.status)) {
    // A run started to reopen a dead lead: the reopening Update arrives with the start.
    await condition(() => !isFinal(state.status), '1 minute');
  } else if (armsStartFollowUp) {
    // No move in this run armed the CONTACTED lead's follow-up: arm the one it has (a move or an archiving sent with the start goes first).
    await order.inTurn(async () => {
      if (state.step !== 0 || state.status !== 'CONTACTED' || state.archived || state.followUpDueAt) return;
      const { dueAt } = await armFollowUpAtStart({ leadId, at: new Date().toISOString(), followUpMs: loaded.followUpMs });
      state.followUpDueAt = dueAt;
    });
  }

  let followUps = 0;
  while (!isFinal(state.status) && !state.merged) {
    if ((followUps >= followUpsPerRun || workflowInfo().continueAsNewSuggested) && patched(LEAD_CONTINUE_AS_NEW_PATCH)) break;
    const step = state.step;
    if (state.archived) {
      // Nothing is armed while the lead is archived; unarchiving (a new step) re-arms it.
      await condition(() => state.step !== step);
    } else if (state.status === 'NEW' && state.contactDeadlineAt) {
      // The contact deadline re-armed by unarchiving.
      const changed = await condition(() => state.step !== step, msUntil(state.contactDeadlineAt));
      if (!changed) {
        await order.inTurn(async () => {
          if (state.step !== step || !state.contactTaskId) return;
          const { followUpTaskId } = await flagContactOverdue({ leadId, contactTaskId: state.contactTaskId, firedAt: new Date().toISOString(), key: stepKey(step) });
          Object.assign(state, { contactOverdue: followUpTaskId !== null, contactDeadlineAt: null });
          publishSearchAttributes();
          if (followUpTaskId) await startTaskWorkflow(followUpTaskId);
        });
      }
    } else if (state.status === 'CONTACTED' && state.followUpDueAt) {
      // Another follow-up at each cadence while the lead stays CONTACTED.
      const changed = await condition(() => state.step !== step, msUntil(state.followUpDueAt));
      if (!changed) {
        await order.inTurn(async () => {
          if (state.step !== step) return; // a move being written when the follow-up fell due goes first
          const next = { step: step + 1, followUpDueAt: new Date(Date.now() + loaded.followUpMs).toISOString() };
          order.setBeforeWrite(state, next);
          const { taskId } = await createNextFollowUp({ leadId, stepKey: stepKey(next.step), dueAt: next.followUpDueAt });
          order.setAfterWrite(state, next);
          followUps += 1;
          await startTaskWorkflow(taskId);
        });
      }
    } else {
      await condition(() => state.step !== step);
    }
  }
  await condition(allHandlersFinished);
  if (isFinal(state.status) || state.merged) return state;
  // A lead followed up for years carries its state into a fresh run instead of growing one history without bound.
  const { leadId: _leadId, status: current, ...carried } = state;
  return continueAsNew<typeof leadWorkflow>({ leadId, status: current, ...(owner ? { ownerId: owner } : {}), continued: carried, followUpsPerRun });
}
