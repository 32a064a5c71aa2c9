import type { DealMathSettings } from '../../domain/deals/deal-math';
import type { Db } from '../../db/client';
import { findMatchingBuyers } from '../../db/queries/find-matches';
import { toBuyerJson } from '../../db/rows';
import { findLead } from './get-lead';

/** The buyers whose buy box fits the lead (priced by its MAO when it has no asking price), best first, with reasons. */
export async function listLeadMatches(db: Db, leadId: string, dealMath: DealMathSettings) {
  const matches = await findMatchingBuyers(db, await findLead(db, leadId), dealMath);
  return { items: matches.map(({ item, score, reasons }) => ({ buyer: toBuyerJson(item), score, reasons })) };
}
