import type { LeadStatus } from '../../domain/leads/lead.schema';
import type { Db } from '../../db/client';
import type { TemporalDeps } from '../temporal/client';
import { startWorkflow } from '../temporal/start-workflow';
import { leadWorkflowStart } from '../temporal/workflow-starts';

type LeadRef = { id: string; status: string; updatedAt: Date };

/** Starts `lead-<id>` (a running one is kept) and records that it runs. */
export async function startLeadWorkflow(deps: TemporalDeps & { db: Db }, lead: LeadRef): Promise<void> {
  await startWorkflow(deps, leadWorkflowStart({ leadId: lead.id, status: lead.status as LeadStatus }));
  // Bookkeeping, not an edit: updatedAt keeps its value.
  await deps.db.lead.update({ where: { id: lead.id }, data: { workflowStartedAt: new Date(), updatedAt: lead.updatedAt } });
}

/**
 * A lead saved while Temporal was unreachable has no workflow yet; this starts the missing ones.
 * Runs when the API starts, so no lead is left without its deadlines.
 */
export async function startMissingLeadWorkflows(deps: TemporalDeps & { db: Db }): Promise<number> {
  const leads = await deps.db.lead.findMany({
    where: { workflowStartedAt: null, status: { notIn: ['CLOSED', 'DEAD'] } },
    select: { id: true, status: true, updatedAt: true },
  });
  for (const lead of leads) await startLeadWorkflow(deps, lead);
  return leads.length;
}
