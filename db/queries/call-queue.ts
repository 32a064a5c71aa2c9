import type { Lead } from '../../prisma/generated/client';
import { OPEN_LEAD_STATUSES } from '../../domain/leads/lead-status';
import type { Db } from '../client';
import { sqlDate, sqlLiteralList } from './sql';

/**
 * The candidates of one owner's call queue, each run read through an owner index with a limit
 * (an owner may have thousands of open leads): NEW leads past the contact deadline, oldest first
 * (Lead_ownerId_status_idx); follow-ups due, earliest first (Lead_ownerId_nextFollowUpAt_idx); and
 * the best scores (Lead_ownerId_score_idx). The domain's orderCallQueue ranks their union.
 */
export async function readCallQueueCandidates(db: Db, { ownerId, now, contactMs, limit }: { ownerId: string; now: Date; contactMs: number; limit: number }): Promise<Lead[]> {
  const cutoff = sqlDate(new Date(now.getTime() - contactMs));
  const at = sqlDate(now);
  const open = sqlLiteralList(OPEN_LEAD_STATUSES);
  const [overdue, due, best] = await db.$transaction([
    db.$queryRaw<Lead[]>`SELECT * FROM "Lead" WHERE "ownerId" = ${ownerId} AND "status" = 'NEW' AND "archivedAt" IS NULL AND "contactedAt" IS NULL
      AND "createdAt" <= ${cutoff} AND ("nextFollowUpAt" IS NULL OR "nextFollowUpAt" <= ${at}) ORDER BY "createdAt" ASC LIMIT ${limit}`,
    db.$queryRaw<Lead[]>`SELECT * FROM "Lead" WHERE "ownerId" = ${ownerId} AND "nextFollowUpAt" <= ${at} AND "archivedAt" IS NULL AND "status" IN ${open}
      ORDER BY "nextFollowUpAt" ASC LIMIT ${limit}`,
    db.$queryRaw<Lead[]>`SELECT * FROM "Lead" INDEXED BY "Lead_ownerId_score_idx" WHERE "ownerId" = ${ownerId} AND "archivedAt" IS NULL AND "status" IN ${open}
      ORDER BY "score" DESC LIMIT ${limit}`,
  ]);
  const byId = new Map<string, Lead>();
  for (const lead of [...overdue, ...due, ...best]) byId.set(lead.id, lead);
  return [...byId.values()];
}
