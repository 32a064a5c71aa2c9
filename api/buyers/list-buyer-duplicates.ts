import { buyerDuplicateReasons } from '../../domain/merge/duplicate-reasons';
import type { DuplicateCandidate } from '../../domain/merge/merge-records';
import type { List } from '../../domain/pagination';
import type { Db } from '../../db/client';
import { readBuyer } from '../../db/queries/buyer-list';
import { findBuyerDuplicateCandidates } from '../../db/queries/duplicates';
import { AppError } from '../errors';

const isoOf = (value: unknown): string => (value instanceof Date ? value : new Date(String(value))).toISOString();

/** `GET /api/buyers/:id/duplicates`: live buyers that may be this one (same e-mail or contact key, same phone), oldest first, with why. */
export async function listBuyerDuplicates(db: Db, buyerId: string): Promise<List<DuplicateCandidate>> {
  const buyer = await readBuyer(db, buyerId);
  if (!buyer) throw new AppError('NOT_FOUND', `Buyer ${buyerId} does not exist`);
  if (buyer.archivedAt) return { items: [] };
  const items = (await findBuyerDuplicateCandidates(db, buyer))
    .map((other) => ({ other, reasons: buyerDuplicateReasons(buyer, other) }))
    .filter(({ reasons }) => reasons.length > 0)
    .map(({ other, reasons }) => ({
      id: other.id,
      name: other.name,
      detail: [other.email, other.phone].filter(Boolean).join(' · ') || '—',
      status: other.status,
      ownerId: other.ownerId,
      createdAt: isoOf(other.createdAt),
      reasons,
    }));
  return { items };
}
