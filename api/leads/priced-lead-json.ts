import { computeDealMath, withMao, type DealMathSettings } from '../../domain/deals/deal-math';
import type { LeadRecord } from '../../domain/leads/lead.schema';
import { toLeadJson } from '../../db/rows';
import type { Lead } from '../../prisma/generated/client';
import { projectFields } from '../paginate';

/**
 * A lead row as the API answers it, with its MAO under `dealMath`; with `fields` (`fields=`), only
 * those keys and its id, the MAO computed only when asked for (a lean row is not copied whole to add it).
 */
export function pricedLeadJson(row: Lead, dealMath: DealMathSettings, fields?: readonly string[]) {
  return pricedLead(toLeadJson(row), dealMath, fields);
}

/** `pricedLeadJson` of a lead already built from its row (a reader that needs its score parts too). */
export function pricedLead(lead: LeadRecord, dealMath: DealMathSettings, fields?: readonly string[]) {
  if (!fields) return withMao(lead, dealMath);
  const lean = projectFields(lead, fields);
  return fields.includes('mao') ? { ...lean, mao: computeDealMath(lead, dealMath).mao } : lean;
}
