import type { LeadRecord } from '../../domain/leads/lead.schema';
import type { Db } from '../../db/client';
import { readLead } from '../../db/queries/lead-list';
import { toLeadJson } from '../../db/rows';
import { AppError } from '../errors';

/** A live lead's row for a change; an archived lead is as unknown as a missing one (404). */
export async function findLead(db: Db, leadId: string) {
  const lead = await readLead(db, leadId);
  if (!lead || lead.archivedAt) throw new AppError('NOT_FOUND', `Lead ${leadId} does not exist`);
  return lead;
}

/** `GET /api/leads/:id`: an archived lead is still found by its id (links to it keep working); a missing one is a 404. */
export async function getLead(db: Db, leadId: string): Promise<LeadRecord> {
  const lead = await readLead(db, leadId);
  if (!lead) throw new AppError('NOT_FOUND', `Lead ${leadId} does not exist`);
  return toLeadJson(lead);
}
