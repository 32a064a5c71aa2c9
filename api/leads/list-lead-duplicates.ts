import { leadDuplicateReasons } from '../../domain/merge/duplicate-reasons';
import type { DuplicateCandidate } from '../../domain/merge/merge-records';
import type { List } from '../../domain/pagination';
import type { Db } from '../../db/client';
import { findLeadDuplicateCandidates } from '../../db/queries/duplicates';
import { readLead } from '../../db/queries/lead-list';
import { AppError } from '../errors';

const isoOf = (value: unknown): string => (value instanceof Date ? value : new Date(String(value))).toISOString();

/** `GET /api/leads/:id/duplicates`: live leads that may be this one (same address key; same phone or owner name in its ZIP), oldest first, with why. */
export async function listLeadDuplicates(db: Db, leadId: string): Promise<List<DuplicateCandidate>> {
  const lead = await readLead(db, leadId);
  if (!lead) throw new AppError('NOT_FOUND', `Lead ${leadId} does not exist`);
  // A merged or archived lead is nobody's survivor: nothing to offer.
  if (lead.archivedAt) return { items: [] };
  const items = (await findLeadDuplicateCandidates(db, lead))
    .map((other) => ({ other, reasons: leadDuplicateReasons(lead, other) }))
    .filter(({ reasons }) => reasons.length > 0)
    .map(({ other, reasons }) => ({
      id: other.id,
      name: other.sellerName,
      detail: `${other.street}, ${other.city} ${other.zip}`,
      status: other.status,
      ownerId: other.ownerId,
      createdAt: isoOf(other.createdAt),
      reasons,
    }));
  return { items };
}
