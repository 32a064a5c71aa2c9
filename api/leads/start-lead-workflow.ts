import { WorkflowIdConflictPolicy, type Client } from '@temporalio/client';
import type { LeadStatus } from '../../domain/leads/lead.schema';
import type { Db } from '../../db/client';
import type { leadWorkflow } from '../../workflows/leads/lead.workflow';

export const leadWorkflowId = (leadId: string): string => `lead-${leadId}`;

type LeadRef = { id: string; status: string; updatedAt: Date };

/** Starts `lead-<id>` (a running one is kept) and records that it runs. */
export async function startLeadWorkflow(deps: { db: Db; temporal: Client; taskQueue: string }, lead: LeadRef): Promise<void> {
  const leadId = lead.id;
  await deps.temporal.workflow.start<typeof leadWorkflow>('leadWorkflow', {
    workflowId: leadWorkflowId(leadId),
    taskQueue: deps.taskQueue,
    args: [{ leadId, status: lead.status as LeadStatus }],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
  });
  // Bookkeeping, not an edit: updatedAt keeps its value.
  await deps.db.lead.update({ where: { id: leadId }, data: { workflowStartedAt: new Date(), updatedAt: lead.updatedAt } });
}

/**
 * A lead saved while Temporal was unreachable has no workflow yet; this starts the missing ones.
 * Runs when the API starts, so no lead is left without its deadlines.
 */
export async function startMissingLeadWorkflows(deps: { db: Db; temporal: Client; taskQueue: string }): Promise<number> {
  const leads = await deps.db.lead.findMany({
    where: { workflowStartedAt: null, status: { notIn: ['CLOSED', 'DEAD'] } },
    select: { id: true, status: true, updatedAt: true },
  });
  for (const lead of leads) await startLeadWorkflow(deps, lead);
  return leads.length;
}
