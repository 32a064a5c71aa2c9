import { getExternalWorkflowHandle } from '@temporalio/workflow';
import type { LeadStatus } from '../../domain/leads/lead.schema';
import { leadWorkflowId } from '../../domain/workflow-ids';
import { requestLeadStatusSignal } from './lead.messages';

/** Asks the lead's workflow for a move another lifecycle implies; a lead whose workflow has ended (closed, dead) stays as it is. */
export async function requestLeadStatus(leadId: string, status: LeadStatus, actorId: string | null): Promise<void> {
  try {
    await getExternalWorkflowHandle(leadWorkflowId(leadId)).signal(requestLeadStatusSignal, { status, actorId });
  } catch {
    // Only fails when the lead's workflow is not running, i.e. the lead is CLOSED or DEAD.
  }
}
