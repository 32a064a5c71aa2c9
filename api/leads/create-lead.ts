import { assertActiveOwner } from './assert-active-owner';
import type { Deadlines } from '../../domain/config/deadlines';
import type { CreateLeadInput, LeadRecord } from '../../domain/leads/lead.schema';
import { contactTaskFor } from '../../domain/leads/lead-tasks';
import { notificationFor } from '../../domain/notifications/notification-kinds';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { findLeadWithAddressKey } from '../../db/queries/duplicates';
import { saveIdempotentResult, type IdempotencyClaim } from '../../db/writes/idempotency-keys';
import { saveLeadScore } from '../../db/writes/lead-score';
import { notifyUsers } from '../../db/writes/notify-users';
import { leadKeyData } from '../../db/writes/contact-keys';
import { recordEvent } from '../../db/writes/record-event';
import { saveAutomaticTask } from '../../db/writes/save-automatic-task';
import { effectiveDeadlines, loadStoredSettings } from '../../db/writes/settings-store';
import { toLeadJson } from '../../db/rows';
import { AppError } from '../errors';
import { assertPermission } from '../permissions/assert-permission';
import type { TemporalDeps } from '../temporal/client';
import { startOrLog } from '../temporal/start-workflow';
import { startNewLeadWorkflows } from './start-new-lead-workflows';

export type CreateLeadDeps = TemporalDeps & { db: Db; deadlines: Deadlines };

/**
 * Saves the lead with its `lead.created` event, its contact task (and the claim's key), then starts
 * its lifecycle workflow and the contact task's.
 *
 * The contact task is saved in the lead's transaction rather than by the workflow's first step: it
 * is on the lead's page and in its owner's tasks as soon as the lead is, even while Temporal is
 * down. The workflow's `createContactTask` finds it by its automation key and arms its deadline
 * from it, as for a task it saved itself.
 */
export async function createLead(deps: CreateLeadDeps, input: CreateLeadInput, actor: PublicUser, claim?: IdempotencyClaim): Promise<LeadRecord> {
  const ownerId = input.ownerId ?? actor.id;
  assertPermission(actor, 'create', { type: 'lead', ownerId });
  // A lead saved in someone else's name is assigned to them: only those who may reassign leads do that.
  if (ownerId !== actor.id) assertPermission(actor, 'changeOwner', { type: 'lead', ownerId: actor.id });
  if (input.ownerId) await assertActiveOwner(deps.db, ownerId);
  const { ownerId: _ignored, allowDuplicate, tags, ...fields } = input;
  const keys = leadKeyData(fields);
  const existing = allowDuplicate ? null : await findLeadWithAddressKey(deps.db, keys.addressKey);
  if (existing) throw new AppError('DUPLICATE', 'A lead with this address exists already', undefined, undefined, existing.id);
  const { lead, contactTaskId } = await deps.db.$transaction(async (tx) => {
    const created = await saveLeadScore(tx, await tx.lead.create({ data: { ...fields, tags: JSON.stringify(tags ?? []), ...keys, ownerId } }));
    await recordEvent(tx, { entityType: 'lead', entityId: created.id, action: 'created', entity: toLeadJson(created), actorId: actor.id });
    // Every lead is created NEW (its status moves only through its workflow), so every one gets it.
    const { contactMs } = effectiveDeadlines(deps.deadlines, await loadStoredSettings(tx));
    const contactTask = await saveAutomaticTask(tx, contactTaskFor(created, contactMs), { assigneeId: ownerId, leadId: created.id }, deps.deadlines.automationGraceMs);
    if (ownerId !== actor.id) {
      await notifyUsers(tx, [
        {
          recipientId: ownerId,
          ...notificationFor('NEW_LEAD', { sellerName: created.sellerName, street: created.street, city: created.city, source: fields.source, assignedBy: actor.name }),
          link: `/leads/${created.id}`,
          dedupeKey: `lead:${created.id}:new:${ownerId}`,
        },
      ]);
    }
    await saveIdempotentResult(tx, claim, toLeadJson(created));
    return { lead: created, contactTaskId: contactTask.id };
  });
  // The lead is saved either way; if Temporal is down, the worker's reconciler starts its workflows.
  await startOrLog(`lead ${lead.id}`, () => startNewLeadWorkflows(deps, lead, contactTaskId));
  return toLeadJson(lead);
}
