import type { z } from 'zod';
import { orderCallQueue, type callQueueQuerySchema } from '../../domain/calls/call-queue';
import type { DealMathSettings } from '../../domain/deals/deal-math';
import type { LeadRecord, LeadSource, LeadStatus } from '../../domain/leads/lead.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { readCallQueueCandidates } from '../../db/queries/call-queue';
import { leadScoreParts } from '../../db/rows';
import { refreshLeadScores } from '../../db/writes/lead-score';
import { AppError } from '../errors';
import { pricedLeadJson } from '../leads/priced-lead-json';

const reasonsOf = (parts: LeadRecord['scoreParts']): string[] => parts.map((part) => part.reason);

/**
 * The caller's call queue (a supervisor or admin may ask for someone else's with `ownerId`): their
 * open leads in the domain's order, each with its score, the score's reasons and why it stands
 * there. The leads read are re-scored as of now (days since the last contact grow with time).
 * With `fields`, each lead has only those keys and its id.
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
  const candidates = await refreshLeadScores(db, await readCallQueueCandidates(db, { ownerId, now, contactMs, limit: query.limit }), now, contactMs);
  // The columns hold the domain's values (toLeadJson checks them); a cast, not a copy of every row.
  const ordered = orderCallQueue(candidates as Array<(typeof candidates)[number] & { status: LeadStatus; source: LeadSource }>, now, contactMs).slice(0, query.limit);
  return {
    items: ordered.map(({ lead, rule, why }) => {
      // A lean lead is built from its row alone, and only its score's parts are read besides its fields.
      if (query.fields) return { lead: pricedLeadJson(lead, dealMath, query.fields), score: lead.score, reasons: reasonsOf(leadScoreParts(lead)), rule, why };
      const json = pricedLeadJson(lead, dealMath);
      return { lead: json, score: json.score, reasons: reasonsOf(json.scoreParts), rule, why };
    }),
  };
}
