import type { DealMathSettings } from '../../domain/deals/deal-math';
import type { Db } from '../../db/client';
import { MATCHES_SHOWN, findMatchingBuyers } from '../../db/queries/find-matches';
import { buyerColumnsOf, leanBuyerJson, toBuyerJson } from '../../db/rows';
import { findLead } from './get-lead';

/** The buyers whose buy box fits the lead (priced by its MAO when it has no asking price), best first, with reasons; with `fields`, each buyer has only those keys and its id (and only their columns are read). */
export async function listLeadMatches(db: Db, leadId: string, dealMath: DealMathSettings, fields?: readonly string[]) {
  const lead = await findLead(db, leadId);
  if (!fields) return { items: (await findMatchingBuyers(db, lead, dealMath, MATCHES_SHOWN)).map(({ item, score, reasons }) => ({ buyer: toBuyerJson(item), score, reasons })) };
  const matches = await findMatchingBuyers(db, lead, dealMath, MATCHES_SHOWN, buyerColumnsOf(fields));
  return { items: matches.map(({ item, score, reasons }) => ({ buyer: leanBuyerJson(item, fields), score, reasons })) };
}
