import { callEffect, type Call, type LogCallInput } from '../../domain/calls/call.schema';
import { checkLeadTransition } from '../../domain/leads/lead-status';
import type { LeadStatus } from '../../domain/leads/lead.schema';
import type { PublicUser } from '../../domain/users/user-role';
import { leadWorkflowId } from '../../domain/workflow-ids';
import type { Db } from '../../db/client';
import { saveCall } from '../../db/writes/save-call';
import { changeLeadStatusUpdate, leadCallLoggedSignal } from '../../workflows/leads/lead.messages';
import { AppError } from '../errors';
import { findLeadToChange } from '../leads/find-lead-to-change';
import type { TemporalDeps } from '../temporal/client';
import { signalWorkflow } from '../temporal/signal-workflow';
import { updateWithStart } from '../temporal/update-with-start';
import { leadWorkflowStart } from '../temporal/workflow-starts';

/**
 * Logs a call on a lead the caller may change (its owner, a supervisor, an admin) and lets the
 * lead's workflow act on it: a talk or a dead end moves the status through the same validated
 * Update as the status control (checked first, so a refused move logs nothing); no answer and
 * voicemail re-arm the next attempt.
 */
export async function logCall(deps: TemporalDeps & { db: Db }, leadId: string, input: LogCallInput, actor: PublicUser): Promise<Call> {
  const lead = await findLeadToChange(deps.db, leadId, actor, 'update');
  if (lead.archivedAt) throw new AppError('CONFLICT', 'An archived lead takes no calls: restore it first');
  const status = lead.status as LeadStatus;
  const effect = callEffect(status, input);
  if (effect.kind === 'status') {
    const check = checkLeadTransition(status, effect.status, effect.reason);
    if (!check.ok) throw new AppError('CONFLICT', check.reason);
  }
  const { call } = await saveCall(deps.db, { leadId, userId: actor.id, callerName: actor.name, outcome: input.outcome, note: input.note });
  if (effect.kind === 'status') {
    await updateWithStart(deps, leadWorkflowStart({ leadId, status, ownerId: lead.ownerId }), changeLeadStatusUpdate, { status: effect.status, reason: effect.reason, actorId: actor.id });
  } else if (effect.kind === 'retry') {
    // The call is saved whatever Temporal answers; the next attempt is the workflow's.
    await signalWorkflow(deps, leadWorkflowId(leadId), leadCallLoggedSignal, { outcome: input.outcome, at: call.createdAt }).catch((error: unknown) => {
      console.error(`lead ${leadId}: next call attempt not armed:`, error instanceof Error ? error.message : error);
    });
  }
  return call;
}
