import type { DealMathSettings } from '../../domain/deals/deal-math';
import type { Db } from '../../db/client';
import { findMatchingBuyers } from '../../db/queries/find-matches';
import { toBuyerJson } from '../../db/rows';
import { projectFields } from '../paginate';
import { findLead } from './get-lead';

/** The buyers whose buy box fits the lead (priced by its MAO when it has no asking price), best first, with reasons; with `fields`, each buyer has only those keys and its id. */
export async function listLeadMatches(db: Db, leadId: string, dealMath: DealMathSettings, fields?: readonly string[]) {
  const matches = await findMatchingBuyers(db, await findLead(db, leadId), dealMath);
  return { items: matches.map(({ item, score, reasons }) => ({ buyer: projectFields(toBuyerJson(item), fields), score, reasons })) };
}
