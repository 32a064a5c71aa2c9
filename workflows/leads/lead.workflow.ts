import { condition, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { LeadActivities } from '../../activities/leads.activities';
import type { SettingsActivities } from '../../activities/settings.activities';
import { DB_ACTIVITY_OPTIONS, LOCAL_DB_ACTIVITY_OPTIONS } from '../activity-options';
import { startTaskWorkflow } from '../tasks/start-task-workflow';
import { getLeadStateQuery, type LeadWorkflowState } from './lead.messages';

const { getDeadlines, createContactTask } = proxyLocalActivities<LeadActivities & SettingsActivities>(LOCAL_DB_ACTIVITY_OPTIONS);
const { flagContactOverdue } = proxyActivities<LeadActivities>(DB_ACTIVITY_OPTIONS);

export interface LeadWorkflowInput {
  leadId: string;
}

const CLOSED_STATUSES = ['CLOSED', 'DEAD'];

/**
 * Lifecycle of one lead, workflow id `lead-<id>`. Creates the contact task and holds the
 * contact deadline as a durable timer: a lead still NEW when it fires is flagged overdue.
 */
export async function leadWorkflow({ leadId }: LeadWorkflowInput): Promise<LeadWorkflowState> {
  const state: LeadWorkflowState = { leadId, status: 'NEW', contactTaskId: null, contactOverdue: false };
  setHandler(getLeadStateQuery, () => state);

  const deadlines = await getDeadlines();
  const { taskId, dueAt } = await createContactTask({ leadId, contactMs: deadlines.contactMs });
  state.contactTaskId = taskId;
  await startTaskWorkflow(taskId);

  // The deadline counts from the lead's creation, which may precede this workflow (a lead saved while Temporal was down).
  const untilDue = Math.max(1, Date.parse(dueAt) - Date.now());
  const advanced = await condition(() => state.status !== 'NEW', untilDue);
  if (!advanced) {
    const { followUpTaskId } = await flagContactOverdue({
      leadId,
      contactTaskId: taskId,
      firedAt: new Date().toISOString(),
    });
    state.contactOverdue = followUpTaskId !== null;
    if (followUpTaskId) await startTaskWorkflow(followUpTaskId);
  }

  // Status changes arrive as Updates; the lifecycle ends when the lead is closed or dead.
  await condition(() => CLOSED_STATUSES.includes(state.status));
  return state;
}
