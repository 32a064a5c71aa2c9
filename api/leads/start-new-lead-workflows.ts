import type { LeadStatus } from '../../domain/leads/lead.schema';
import type { Db } from '../../db/client';
import type { TemporalDeps } from '../temporal/client';
import { startRecordWorkflow } from '../temporal/start-record-workflow';
import { leadWorkflowStart, taskWorkflowStart } from '../temporal/workflow-starts';

type LeadRef = { id: string; status: string; ownerId: string };

/**
 * A new lead's workflow (`lead-<id>`; a running one is kept) and its contact task's, started side
 * by side and each recorded as running: the lead's run leaves the task's start to this
 * (`contactTaskStarted`) and only arms its deadline. A start that fails is the reconciler's, as for
 * any record saved while Temporal was unreachable.
 */
export async function startNewLeadWorkflows(deps: TemporalDeps & { db: Db }, lead: LeadRef, contactTaskId: string): Promise<void> {
  const started = await Promise.allSettled([
    startRecordWorkflow(deps, 'lead', lead.id, leadWorkflowStart({ leadId: lead.id, status: lead.status as LeadStatus, ownerId: lead.ownerId, contactTaskStarted: true })),
    startRecordWorkflow(deps, 'task', contactTaskId, taskWorkflowStart(contactTaskId)),
  ]);
  const failed = started.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) throw failed.reason;
}
