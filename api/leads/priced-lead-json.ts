import { computeDealMath, withMao, type DealFigures, type DealMathSettings } from '../../domain/deals/deal-math';
import type { LeadRecord } from '../../domain/leads/lead.schema';
import { leadColumnsOf, leanLeadJson, toLeadJson, type PartialRow } from '../../db/rows';
import type { Lead } from '../../prisma/generated/client';
import { projectFields } from '../paginate';

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
export function pricedLeadJson(row: Lead, dealMath: DealMathSettings, fields?: readonly string[]): PricedLead | LeanPricedLead;
export function pricedLeadJson(row: PartialRow<Lead>, dealMath: DealMathSettings, fields: readonly string[]): LeanPricedLead;
export function pricedLeadJson(row: Lead | PartialRow<Lead>, dealMath: DealMathSettings, fields?: readonly string[]): PricedLead | LeanPricedLead {
  if (!fields) return withMao(toLeadJson(row as Lead), dealMath);
  return withMaoIfAsked(leanLeadJson(row, fields), row as DealFigures, dealMath, fields);
}

/** `pricedLeadJson` of a lead already built from its row (a reader that needs its score parts too). */
export function pricedLead(lead: LeadRecord, dealMath: DealMathSettings, fields?: readonly string[]): PricedLead | LeanPricedLead {
  if (!fields) return withMao(lead, dealMath);
  return withMaoIfAsked(projectFields(lead, fields), lead, dealMath, fields);
}

function withMaoIfAsked(lean: Partial<LeadRecord>, figures: DealFigures, dealMath: DealMathSettings, fields: readonly string[]): LeanPricedLead {
  return fields.includes('mao') ? { ...lean, mao: computeDealMath(figures, dealMath).mao } : lean;
}
