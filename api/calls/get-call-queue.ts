import type { z } from 'zod';
import { orderCallQueue, type callQueueQuerySchema } from '../../domain/calls/call-queue';
import type { DealMathSettings } from '../../domain/deals/deal-math';
import type { LeadRecord, LeadSource, LeadStatus } from '../../domain/leads/lead.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { readCallQueueCandidates } from '../../db/queries/call-queue';
import { LEAD_SCORE_COLUMNS, refreshLeadScores } from '../../db/writes/lead-score';
import type { ScorePart } from '../../domain/leads/lead-score';
import type { Lead } from '../../prisma/generated/client';
import { AppError } from '../errors';
import { pricedLeadColumns, pricedLeadJson } from '../leads/priced-lead-json';

const reasonsOf = (parts: LeadRecord['scoreParts']): string[] => parts.map((part) => part.reason);

/** What a lean answer reads of each candidate: its fields' columns, the score's, and what places it in the queue. */
const leanQueueColumns = (fields: readonly string[]): Array<keyof Lead> => [...new Set([...pricedLeadColumns(fields), ...LEAD_SCORE_COLUMNS, 'nextFollowUpAt'])] as Array<keyof Lead>;

type Scored<Row> = Array<{ lead: Row; parts: ScorePart[] }>;
/** What places a lead in the queue, as its row holds it. */
type PlacedRow = Pick<Lead, 'id' | 'status' | 'source' | 'score' | 'createdAt' | 'contactedAt' | 'nextFollowUpAt'>;

/** The re-scored candidates in the queue's order, each with its rule, why, and its score's reasons as computed. */
function inQueueOrder<Row extends PlacedRow>(scored: Scored<Row>, now: Date, contactMs: number, limit: number) {
  const partsOf = new Map(scored.map(({ lead, parts }) => [lead.id, parts]));
  // The columns hold the domain's values (the JSON builders check them); a cast, not a copy of every row.
  const leads = scored.map(({ lead }) => lead) as Array<Row & { status: LeadStatus; source: LeadSource }>;
  return orderCallQueue(leads, now, contactMs)
    .slice(0, limit)
    .map((placed) => Object.assign(placed, { reasons: reasonsOf(partsOf.get(placed.lead.id)!) }));
}

/**
 * The caller's call queue (a supervisor or admin may ask for someone else's with `ownerId`): their
 * open leads in the domain's order, each with its score, the score's reasons and why it stands
 * there. The leads read are re-scored as of now (days since the last contact grow with time).
 * With `fields`, each lead has only those keys and its id, and only the columns those keys, the
 * score and the queue's order need are read.
 */
export async function getCallQueue(
  db: Db,
  query: z.infer<typeof callQueueQuerySchema>,
  actor: PublicUser,
  { dealMath, contactMs }: { dealMath: DealMathSettings; contactMs: number },
) {
  const ownerId = query.ownerId ?? actor.id;
  if (ownerId !== actor.id && actor.role !== 'SUPERVISOR' && actor.role !== 'ADMIN') {
    throw new AppError('FORBIDDEN', "Only a supervisor or an admin can read someone else's call queue");
  }
  if (ownerId !== actor.id && !(await db.user.findUnique({ where: { id: ownerId }, select: { id: true } }))) {
    throw new AppError('NOT_FOUND', `User ${ownerId} does not exist`, { ownerId: 'must name a user' });
  }
  const now = new Date();
  const queueQuery = { ownerId, now, contactMs, limit: query.limit };
  const { fields } = query;
  if (fields) {
    const scored = await refreshLeadScores(db, await readCallQueueCandidates(db, queueQuery, leanQueueColumns(fields)), now, contactMs);
    return { items: inQueueOrder(scored, now, contactMs, query.limit).map(({ lead, reasons, rule, why }) => ({ lead: pricedLeadJson(lead, dealMath, fields), score: lead.score, reasons, rule, why })) };
  }
  const scored = await refreshLeadScores(db, await readCallQueueCandidates(db, queueQuery), now, contactMs);
  return { items: inQueueOrder(scored, now, contactMs, query.limit).map(({ lead, reasons, rule, why }) => ({ lead: pricedLeadJson(lead, dealMath), score: lead.score, reasons, rule, why })) };
}
