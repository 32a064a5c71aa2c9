export interface DealMathSettings {
  /** The rule percentage, 70 for the "70 % rule". */
  rulePercent: number;
  /** The assignment fee the team targets on each deal, in dollars. */
  targetAssignmentFee: number;
}

export const DEFAULT_DEAL_MATH_SETTINGS: DealMathSettings = { rulePercent: 70, targetAssignmentFee: 10_000 };

export interface DealFigures {
  arv: number | null;
  repairEstimate: number | null;
  askingPrice: number | null;
}

export interface DealMath {
  /** Maximum allowable offer: ARV × rule % − repairs − target assignment fee, never below 0. */
  mao: number | null;
  /** How far the seller's asking price is under the MAO (negative: over it). */
  spread: number | null;
}

/** The wholesaler's deal math for a lead, in whole dollars; null where a figure is missing. */
export function computeDealMath(figures: DealFigures, settings: DealMathSettings = DEFAULT_DEAL_MATH_SETTINGS): DealMath {
  if (figures.arv === null) return { mao: null, spread: null };
  const mao = Math.max(0, Math.round((figures.arv * settings.rulePercent) / 100 - (figures.repairEstimate ?? 0) - settings.targetAssignmentFee));
  return { mao, spread: figures.askingPrice === null ? null : mao - figures.askingPrice };
}

/**
 * A lead with its MAO under the deal math admins set now. The MAO is derived, never stored: it is
 * added where a lead is read (lists, details, answers, matching), so it follows the settings.
 */
export function withMao<Figures extends DealFigures>(lead: Figures, settings: DealMathSettings): Figures & { mao: number | null } {
  return { ...lead, mao: computeDealMath(lead, settings).mao };
}

/** The assignment fee of a deal: what the buyer pays for the contract minus what we pay the seller. */
export function assignmentFee(purchasePrice: number, salePrice: number): number {
  return salePrice - purchasePrice;
}
