import type { ChangeLeadStatusInput, Lead, LeadRecord } from '../../domain/leads/lead.schema';
import { checkLeadTransition } from '../../domain/leads/lead-status';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { toLeadJson } from '../../db/rows';
import { changeLeadStatusUpdate } from '../../workflows/leads/lead.messages';
import { AppError } from '../errors';
import type { TemporalDeps } from '../temporal/client';
import { updateWithStart } from '../temporal/update-with-start';
import { leadWorkflowStart } from '../temporal/workflow-starts';
import { findLeadToChange } from './find-lead-to-change';

/**
 * Asks workflow `lead-<id>` to move the lead; the workflow validates the move and its
 * activities write it. A dead lead's workflow has ended, so the Update starts a new run.
 */
export async function changeLeadStatus(
  deps: TemporalDeps & { db: Db },
  leadId: string,
  input: ChangeLeadStatusInput,
  actor: PublicUser,
): Promise<LeadRecord> {
  const lead = await findLeadToChange(deps.db, leadId, actor, 'update');
  // Checked here too so a refused reopen does not start a workflow run for nothing.
  const check = checkLeadTransition(lead.status as Lead['status'], input.status, input.reason);
  if (!check.ok) throw new AppError('CONFLICT', check.reason, check.field && { [check.field.name]: check.field.message });

  await updateWithStart(deps, leadWorkflowStart({ leadId, status: lead.status as Lead['status'], ownerId: lead.ownerId }), changeLeadStatusUpdate, {
    status: input.status,
    reason: input.reason,
    actorId: actor.id,
  });
  return toLeadJson(await deps.db.lead.findUniqueOrThrow({ where: { id: leadId } }));
}
