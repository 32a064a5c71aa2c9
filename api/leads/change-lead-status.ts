import { WithStartWorkflowOperation, WorkflowIdConflictPolicy, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { DealMathSettings } from '../../domain/deals/deal-math';
import type { ChangeLeadStatusInput, Lead } from '../../domain/leads/lead.schema';
import { checkLeadTransition } from '../../domain/leads/lead-status';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { toLeadJson } from '../../db/rows';
import { changeLeadStatusUpdate } from '../../workflows/leads/lead.messages';
import type { leadWorkflow } from '../../workflows/leads/lead.workflow';
import { AppError } from '../errors';
import { leadWorkflowId } from './start-lead-workflow';

/**
 * Asks workflow `lead-<id>` to move the lead; the workflow validates the move and its
 * activities write it. A dead lead's workflow has ended, so the Update starts a new run.
 */
export async function changeLeadStatus(
  deps: { db: Db; temporal: Client; taskQueue: string },
  leadId: string,
  input: ChangeLeadStatusInput,
  actor: PublicUser,
  dealMath: DealMathSettings,
): Promise<Lead> {
  const lead = await deps.db.lead.findUnique({ where: { id: leadId } });
  if (!lead || lead.archivedAt) throw new AppError('NOT_FOUND', `Lead ${leadId} does not exist`);
  // Checked here too so a refused reopen does not start a workflow run for nothing.
  const check = checkLeadTransition(lead.status as Lead['status'], input.status, input.reason);
  if (!check.ok) throw new AppError('CONFLICT', check.reason);

  const startWorkflowOperation = new WithStartWorkflowOperation<typeof leadWorkflow>('leadWorkflow', {
    workflowId: leadWorkflowId(leadId),
    taskQueue: deps.taskQueue,
    args: [{ leadId, status: lead.status as Lead['status'] }],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
  });
  try {
    await deps.temporal.workflow.executeUpdateWithStart(changeLeadStatusUpdate, {
      args: [{ status: input.status, reason: input.reason, actorId: actor.id }],
      startWorkflowOperation,
    });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) throw new AppError('CONFLICT', error.cause?.message ?? error.message);
    throw error;
  }
  return toLeadJson(await deps.db.lead.findUniqueOrThrow({ where: { id: leadId } }), dealMath);
}
