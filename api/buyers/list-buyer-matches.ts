import type { DealMathSettings } from '../../domain/deals/deal-math';
import type { Db } from '../../db/client';
import { findMatchingLeads } from '../../db/queries/find-matches';
import { pricedLeadJson } from '../leads/priced-lead-json';
import { findBuyer } from './get-buyer';

/** The leads that fit the buyer's buy box, best first, each with its score's reasons; with `fields`, each lead has only those keys and its id. */
export async function listBuyerMatches(db: Db, buyerId: string, dealMath: DealMathSettings, fields?: readonly string[]) {
  const matches = await findMatchingLeads(db, await findBuyer(db, buyerId), dealMath);
  return { items: matches.map(({ item, score, reasons }) => ({ lead: pricedLeadJson(item, dealMath, fields), score, reasons })) };
}
