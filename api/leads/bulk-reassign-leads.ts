import type { BulkLeadInput, LeadRecord } from '../../domain/leads/lead.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { AppError } from '../errors';
import type { TemporalDeps } from '../temporal/client';
import { assertActiveOwner } from './assert-active-owner';
import { updateLead } from './update-lead';

/**
 * Each lead on its own, as if reassigned on its page (its open tasks move, both owners are told); one refused is reported and does not stop the others.
 * An owner who cannot take leads refuses the whole request, naming `ownerId`, rather than every row alike.
 */
export async function bulkReassignLeads(deps: TemporalDeps & { db: Db }, input: BulkLeadInput, actor: PublicUser) {
  await assertActiveOwner(deps.db, input.ownerId);
  const results: Array<{ id: string; ok: true; lead: LeadRecord } | { id: string; ok: false; error: string }> = [];
  for (const id of new Set(input.ids)) {
    try {
      results.push({ id, ok: true, lead: await updateLead(deps, id, { ownerId: input.ownerId }, actor) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ id, ok: false, error: error.message });
    }
  }
  return { results };
}
