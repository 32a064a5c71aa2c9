import type { LeadStatus } from '../../domain/leads/lead.schema';
import type { Db } from '../../db/client';
import type { TemporalDeps } from '../temporal/client';
import { startRecordWorkflow } from '../temporal/start-record-workflow';
import { leadWorkflowStart } from '../temporal/workflow-starts';

type LeadRef = { id: string; status: string; ownerId: string };

/** Starts `lead-<id>` (a running one is kept) and records that it runs. */
export async function startLeadWorkflow(deps: TemporalDeps & { db: Db }, lead: LeadRef): Promise<void> {
  await startRecordWorkflow(deps, 'lead', lead.id, leadWorkflowStart({ leadId: lead.id, status: lead.status as LeadStatus, ownerId: lead.ownerId }));
}
