import { computeDealMath, withMao, type DealMathSettings } from '../../domain/deals/deal-math';
import type { Db } from '../../db/client';
import { findMatchingLeads } from '../../db/queries/find-matches';
import { toLeadJson } from '../../db/rows';
import type { Lead } from '../../prisma/generated/client';
import { projectFields } from '../paginate';
import { findBuyer } from './get-buyer';

/** A matching lead's JSON with its MAO; with `fields`, only those keys and its id (a lean lead is not copied whole to add its MAO). */
function matchingLeadJson(row: Lead, dealMath: DealMathSettings, fields: readonly string[] | undefined) {
  const lead = toLeadJson(row);
  if (!fields) return withMao(lead, dealMath);
  const lean = projectFields(lead, fields);
  return fields.includes('mao') ? { ...lean, mao: computeDealMath(lead, dealMath).mao } : lean;
}

/** The leads that fit the buyer's buy box, best first, each with its score's reasons; with `fields`, each lead has only those keys and its id. */
export async function listBuyerMatches(db: Db, buyerId: string, dealMath: DealMathSettings, fields?: readonly string[]) {
  const matches = await findMatchingLeads(db, await findBuyer(db, buyerId), dealMath);
  return { items: matches.map(({ item, score, reasons }) => ({ lead: matchingLeadJson(item, dealMath, fields), score, reasons })) };
}
