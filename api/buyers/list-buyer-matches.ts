import { withMao, type DealMathSettings } from '../../domain/deals/deal-math';
import type { Db } from '../../db/client';
import { findMatchingLeads } from '../../db/queries/find-matches';
import { toLeadJson } from '../../db/rows';
import { findBuyer } from './get-buyer';

/** The leads that fit the buyer's buy box, best first, each with its score's reasons. */
export async function listBuyerMatches(db: Db, buyerId: string, dealMath: DealMathSettings) {
  const matches = await findMatchingLeads(db, await findBuyer(db, buyerId), dealMath);
  return { items: matches.map(({ item, score, reasons }) => ({ lead: withMao(toLeadJson(item), dealMath), score, reasons })) };
}
