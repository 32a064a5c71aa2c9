import { Prisma, type Lead } from '../../prisma/generated/client';
import { OPEN_LEAD_STATUSES } from '../../domain/leads/lead-status';
import type { Db } from '../client';
import { readRowsTogether } from '../read-rows';
import { dialectOf, indexedBy, type Dialect } from './dialect';
import { sqlDate, sqlLiteralList } from './sql';

/**
 * The candidates of one owner's call queue, each run read through an owner index with a limit
 * (an owner may have thousands of open leads): NEW leads past the contact deadline, oldest first
 * (Lead_ownerId_status_idx; imported cold-list leads have no deadline and come with the scores); follow-ups due, earliest first (Lead_ownerId_nextFollowUpAt_idx); and
 * the best scores (Lead_ownerId_score_idx). The domain's orderCallQueue ranks their union.
 */
export interface CallQueueQuery {
  ownerId: string;
  now: Date;
  contactMs: number;
  limit: number;
}

/** The three runs' statements, in order: overdue contacts, follow-ups due, best scores (tests/integration/query-plans checks them). */
export function callQueueSql({ ownerId, now, contactMs, limit }: CallQueueQuery, dialect: Dialect): Prisma.Sql[] {
  const cutoff = sqlDate(new Date(now.getTime() - contactMs));
  const at = sqlDate(now);
  const open = sqlLiteralList(OPEN_LEAD_STATUSES);
  return [
    // Named: without statistics the planner prefers (status, createdAt), which walks every owner's NEW leads.
    Prisma.sql`SELECT * FROM "Lead"${indexedBy(dialect, 'Lead_ownerId_status_idx')} WHERE "ownerId" = ${ownerId} AND "status" = 'NEW' AND "archivedAt" IS NULL AND "contactedAt" IS NULL
      AND "source" <> 'LIST_IMPORT' AND "createdAt" <= ${cutoff} AND ("nextFollowUpAt" IS NULL OR "nextFollowUpAt" <= ${at}) ORDER BY "createdAt" ASC LIMIT ${limit}`,
    Prisma.sql`SELECT * FROM "Lead" WHERE "ownerId" = ${ownerId} AND "nextFollowUpAt" <= ${at} AND "archivedAt" IS NULL AND "status" IN ${open}
      ORDER BY "nextFollowUpAt" ASC LIMIT ${limit}`,
    Prisma.sql`SELECT * FROM "Lead"${indexedBy(dialect, 'Lead_ownerId_score_idx')} WHERE "ownerId" = ${ownerId} AND "archivedAt" IS NULL AND "status" IN ${open}
      ORDER BY "score" DESC LIMIT ${limit}`,
  ];
}

export async function readCallQueueCandidates(db: Db, query: CallQueueQuery): Promise<Lead[]> {
  const runs = await readRowsTogether<Lead>(db, callQueueSql(query, dialectOf(db)));
  const byId = new Map<string, Lead>();
  for (const lead of runs.flat()) byId.set(lead.id, lead);
  return [...byId.values()];
}
