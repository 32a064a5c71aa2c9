import { computeDealMath, type DealFigures, type DealMathSettings } from '../../domain/deals/deal-math';
import type { LeadRecord } from '../../domain/leads/lead.schema';
import { leadColumnsOf, leanLeadJson, toLeadJson, type PartialRow } from '../../db/rows';
import type { Lead } from '../../prisma/generated/client';

const DEAL_FIGURE_COLUMNS = ['askingPrice', 'arv', 'repairEstimate'] as const satisfies ReadonlyArray<keyof DealFigures>;

/** The Lead columns `pricedLeadJson(row, dealMath, fields)` reads: those of the fields, and the deal figures for the MAO. */
export const pricedLeadColumns = (fields: readonly string[]): string[] => [...new Set([...leadColumnsOf(fields), ...(fields.includes('mao') ? DEAL_FIGURE_COLUMNS : [])])];

type PricedLead = LeadRecord & { mao: number | null };
type LeanPricedLead = Partial<PricedLead>;

/**
 * A lead row as the API answers it, with its MAO under `dealMath`; with `fields` (`fields=`), only
 * those keys and its id, read from the row alone (a lean row is not built whole, and needs only the
 * columns of `pricedLeadColumns(fields)`), the MAO computed only when asked for.
 */
export function pricedLeadJson(row: Lead, dealMath: DealMathSettings): PricedLead;
export function pricedLeadJson(row: Lead | PartialRow<Lead>, dealMath: DealMathSettings, fields: readonly string[]): LeanPricedLead;
export function pricedLeadJson(row: Lead, dealMath: DealMathSettings, fields?: readonly string[]): PricedLead | LeanPricedLead;
export function pricedLeadJson(row: Lead | PartialRow<Lead>, dealMath: DealMathSettings, fields?: readonly string[]): PricedLead | LeanPricedLead {
  // The JSON is built for this answer alone, so the MAO is added to it in place: copying its keys into a new object cost more than building them.
  if (!fields) return Object.assign(toLeadJson(row as Lead), { mao: computeDealMath(row as DealFigures, dealMath).mao });
  const lean = leanLeadJson(row, fields);
  return fields.includes('mao') ? Object.assign(lean, { mao: computeDealMath(row as DealFigures, dealMath).mao }) : lean;
}
