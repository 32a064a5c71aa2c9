import type { DealMathSettings } from '../../domain/deals/deal-math';
import type { Db } from '../../db/client';
import { MATCHES_SHOWN, findMatchingLeads } from '../../db/queries/find-matches';
import { pricedLeadColumns, pricedLeadJson } from '../leads/priced-lead-json';
import { findBuyer } from './get-buyer';

/** The leads that fit the buyer's buy box, best first, each with its score's reasons; with `fields`, each lead has only those keys and its id (and only their columns are read). */
export async function listBuyerMatches(db: Db, buyerId: string, dealMath: DealMathSettings, fields?: readonly string[]) {
  const buyer = await findBuyer(db, buyerId);
  if (!fields) return { items: (await findMatchingLeads(db, buyer, dealMath, MATCHES_SHOWN)).map(({ item, score, reasons }) => ({ lead: pricedLeadJson(item, dealMath), score, reasons })) };
  const matches = await findMatchingLeads(db, buyer, dealMath, MATCHES_SHOWN, pricedLeadColumns(fields));
  return { items: matches.map(({ item, score, reasons }) => ({ lead: pricedLeadJson(item, dealMath, fields), score, reasons })) };
}
