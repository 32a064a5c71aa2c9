import { assertActiveOwner } from './assert-active-owner';
import type { LeadRecord, UpdateLeadInput } from '../../domain/leads/lead.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { changedLeadKeyData } from '../../db/writes/contact-keys';
import { saveLeadScore } from '../../db/writes/lead-score';
import { recordEvent } from '../../db/writes/record-event';
import { lockedVersion } from '../../db/writes/row-version';
import { toLeadJson } from '../../db/rows';
import { leadWorkflowId } from '../../domain/workflow-ids';
import { leadOwnerChangedSignal } from '../../workflows/leads/lead.messages';
import type { TemporalDeps } from '../temporal/client';
import { signalWorkflow } from '../temporal/signal-workflow';
import { assertPermission } from '../permissions/assert-permission';
import { assertVersion, type ExpectedVersions } from '../record-version';
import { findLeadToChange } from './find-lead-to-change';
import { moveLeadWork } from './move-lead-work';

const blankToNull = (value: string | null | undefined) => (value === '' ? null : value);

/**
 * Plain fields are written directly, with a `lead.updated` event; the status is the workflow's. A
 * new owner needs the right to reassign, and takes the lead's open tasks along (both owners are told).
 * With `expected` versions (If-Match), a lead changed since is a 412 and nothing is written.
 */
export async function updateLead(deps: TemporalDeps & { db: Db }, leadId: string, input: UpdateLeadInput, actor: PublicUser, expected?: ExpectedVersions): Promise<LeadRecord> {
  const { db } = deps;
  const before = await findLeadToChange(db, leadId, actor, 'update');
  // Handing the lead to someone else is a reassignment: the matrix's changeOwner.
  if (input.ownerId !== undefined && input.ownerId !== before.ownerId) assertPermission(actor, 'changeOwner', { type: 'lead', ownerId: before.ownerId });
  if (input.ownerId) await assertActiveOwner(db, input.ownerId);
  const { tags, sellerPhone, sellerEmail, ...fields } = input;
  const updated = await db.$transaction(async (tx) => {
    if (expected) assertVersion((await lockedVersion(tx, 'lead', leadId)) ?? '', expected, 'lead');
    const written = await tx.lead.update({
      where: { id: leadId },
      data: {
        ...fields,
        ...changedLeadKeyData(before, fields),
        ...(sellerPhone === undefined ? {} : { sellerPhone: blankToNull(sellerPhone) }),
        ...(sellerEmail === undefined ? {} : { sellerEmail: blankToNull(sellerEmail) }),
        ...(tags ? { tags: JSON.stringify(tags) } : {}),
      },
    });
    const row = await saveLeadScore(tx, written);
    const event = await recordEvent(tx, { entityType: 'lead', entityId: leadId, action: 'updated', entity: toLeadJson(row), actorId: actor.id });
    return { ...row, eventId: event.id };
  });
  if (updated.ownerId !== before.ownerId) {
    // Only the workflow's Owner search attribute follows; the lead is saved whatever Temporal answers.
    await signalWorkflow(deps, leadWorkflowId(leadId), leadOwnerChangedSignal, { ownerId: updated.ownerId }).catch((error: unknown) => {
      console.error(`lead ${leadId}: Owner search attribute not updated:`, error instanceof Error ? error.message : error);
    });
    await moveLeadWork(deps, updated, { fromId: before.ownerId, toId: updated.ownerId, eventId: String(updated.eventId) }, actor);
  }
  return toLeadJson(updated);
}
