import { ApplicationFailure } from '@temporalio/common';
import { allHandlersFinished, condition, proxyActivities, proxyLocalActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { LeadStatusActivities } from '../../activities/lead-status.activities';
import type { LeadActivities } from '../../activities/leads.activities';
import type { SettingsActivities } from '../../activities/settings.activities';
import { checkLeadTransition } from '../../domain/leads/lead-status';
import type { Deadlines } from '../../domain/config/deadlines';
import type { LeadStatus } from '../../domain/leads/lead.schema';
import { DB_ACTIVITY_OPTIONS, LOCAL_DB_ACTIVITY_OPTIONS } from '../activity-options';
import { signalTaskClosed, startTaskWorkflow } from '../tasks/start-task-workflow';
import { changeLeadStatusUpdate, getLeadStateQuery, requestLeadStatusSignal, type ChangeLeadStatusInput, type LeadWorkflowState } from './lead.messages';

const { getDeadlines, createContactTask, applyLeadStatus } = proxyLocalActivities<
  LeadActivities & LeadStatusActivities & SettingsActivities
>(LOCAL_DB_ACTIVITY_OPTIONS);
const { flagContactOverdue, createNextFollowUp } = proxyActivities<LeadActivities & LeadStatusActivities>(DB_ACTIVITY_OPTIONS);

export interface LeadWorkflowInput {
  leadId: string;
  /** The lead's status when this run starts: NEW for a new lead, DEAD for a run that reopens it. */
  status: LeadStatus;
}

const isFinal = (status: LeadStatus): boolean => status === 'CLOSED' || status === 'DEAD';
const msUntil = (iso: string): number => Math.max(1, Date.parse(iso) - Date.now());

/**
 * Lifecycle of one lead, workflow id `lead-<id>`. Owns the pipeline status: changes arrive as
 * the `changeLeadStatus` Update, validated by the domain's transition rules. Holds the contact
 * deadline and the repeating follow-up as durable timers. Ends when the lead is CLOSED or DEAD
 * (a dead lead reopened later starts a new run).
 */
export async function leadWorkflow({ leadId, status }: LeadWorkflowInput): Promise<LeadWorkflowState> {
  const state: LeadWorkflowState = { leadId, status, contactTaskId: null, contactOverdue: false, step: 0, followUpDueAt: null };
  let deadlines: Deadlines | undefined = undefined; // loaded after the handlers are set
  // A dead lead reopened gets a new run, whose changes must not collide with the old run's.
  const stepKey = (): string => `${workflowInfo().runId}:s${state.step}`;
  // Handlers are set before the first await: an Update sent with the start (a reopened lead) is delivered at once.
  setHandler(getLeadStateQuery, () => state);

  const changeStatus = async ({ status: to, reason, actorId }: ChangeLeadStatusInput): Promise<LeadWorkflowState> => {
    // The new state is set before awaiting, so the main loop and later validators see it at once.
    const at = new Date().toISOString();
    state.step += 1;
    state.status = to;
    const key = stepKey();
    await condition(() => deadlines !== undefined);
    state.followUpDueAt = to === 'CONTACTED' ? new Date(Date.parse(at) + deadlines!.followUpMs).toISOString() : null;
    const { createdTaskIds, completedTaskIds, cancelledTaskIds } = await applyLeadStatus({ leadId, to, reason, actorId, stepKey: key, at, deadlines: deadlines! });
    for (const taskId of createdTaskIds) await startTaskWorkflow(taskId);
    for (const taskId of completedTaskIds) await signalTaskClosed(taskId, 'COMPLETED');
    for (const taskId of cancelledTaskIds) await signalTaskClosed(taskId);
    return state;
  };
  setHandler(changeLeadStatusUpdate, changeStatus, {
    validator: ({ status: to, reason }) => {
      const check = checkLeadTransition(state.status, to, reason);
      if (!check.ok) throw ApplicationFailure.nonRetryable(check.reason, 'INVALID_TRANSITION');
    },
  });
  setHandler(requestLeadStatusSignal, async (input) => {
    if (checkLeadTransition(state.status, input.status, input.reason).ok) await changeStatus(input);
  });

  deadlines = await getDeadlines();
  if (state.status === 'NEW') {
    const { taskId, dueAt } = await createContactTask({ leadId, contactMs: deadlines.contactMs });
    state.contactTaskId = taskId;
    await startTaskWorkflow(taskId);
    // The deadline counts from the lead's creation, which may precede this workflow (a lead saved while Temporal was down).
    const advanced = await condition(() => state.status !== 'NEW', msUntil(dueAt));
    if (!advanced) {
      const { followUpTaskId } = await flagContactOverdue({ leadId, contactTaskId: taskId, firedAt: new Date().toISOString() });
      state.contactOverdue = followUpTaskId !== null;
      if (followUpTaskId) await startTaskWorkflow(followUpTaskId);
    }
  } else if (isFinal(state.status)) {
    // A run started to reopen a dead lead: the reopening Update arrives with the start.
    await condition(() => !isFinal(state.status), '1 minute');
  }

  while (!isFinal(state.status)) {
    const step = state.step;
    if (state.status === 'CONTACTED' && state.followUpDueAt) {
      // Another follow-up at each cadence while the lead stays CONTACTED.
      const changed = await condition(() => state.step !== step, msUntil(state.followUpDueAt));
      if (!changed) {
        const dueAt = new Date(Date.now() + deadlines.followUpMs).toISOString();
        state.step += 1;
        state.followUpDueAt = dueAt;
        const { taskId } = await createNextFollowUp({ leadId, stepKey: stepKey(), dueAt });
        await startTaskWorkflow(taskId);
      }
    } else {
      await condition(() => state.step !== step);
    }
  }
  await condition(allHandlersFinished);
  return state;
}
