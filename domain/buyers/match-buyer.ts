import { labelOf } from '../labels/labels';

/** What matching needs to know of a lead. */
export interface MatchableLead {
  city: string;
  /** Its state code: a "City, ST" market matches on both. */
  state?: string;
  zip: string;
  propertyType: string;
  beds: number | null;
  baths: number | null;
  repairEstimate: number | null;
  askingPrice: number | null;
  /** The lead's MAO, used as its price when there is no asking price. */
  mao: number | null;
}

/** A buyer's buy box and standing. Empty lists and null bounds mean "any". */
export interface MatchableBuyer {
  markets: string[];
  propertyTypes: string[];
  minPrice: number | null;
  maxPrice: number | null;
  minBeds: number | null;
  minBaths: number | null;
  maxRepair: number | null;
  cashBuyer: boolean;
  proofOfFundsVerified: boolean;
}

export type MatchResult = { matches: false; misses: string[] } | { matches: true; score: number; reasons: string[] };

/** Score weights of a match (they add up to 100). */
export const MATCH_WEIGHTS = { location: 40, budget: 25, type: 15, cash: 10, proofOfFunds: 10 } as const;

// One formatter for every call: toLocaleString builds a new one each time, and matching formats a few per candidate.
const WHOLE_NUMBER = new Intl.NumberFormat('en-US');
const money = (amount: number): string => `$${WHOLE_NUMBER.format(amount)}`;
const normalize = (text: string): string => text.trim().toLowerCase();

/** What a judgement explains: why the lead misses the box, or why it fits. */
interface Notes {
  misses: string[];
  reasons: string[];
}

// A buy box's markets, normalised once per list: candidates share their buyer's frozen lists.
const normalizedMarkets = new WeakMap<readonly string[], { markets: string[]; cityStates: string[] }>();

function marketsOf(list: readonly string[]): { markets: string[]; cityStates: string[] } {
  const known = normalizedMarkets.get(list);
  if (known) return known;
  const markets = list.map(normalize);
  const normalized = { markets, cityStates: markets.map((market) => market.replace(/\s*,\s*/g, ', ')) };
  // Only a list nobody can change may be remembered.
  if (Object.isFrozen(list)) normalizedMarkets.set(list, normalized);
  return normalized;
}

/**
 * The rule itself: the lead's score, or null when it misses the box. With `notes` it also says
 * why, part by part; without, it builds no text (ranking thousands of candidates needs only the
 * scores, and the reasons of the few shown are asked for afterwards).
 */
function judge(lead: MatchableLead, buyer: MatchableBuyer, notes: Notes | null): number | null {
  let fits = true;
  let score = 0;

  const { markets, cityStates } = marketsOf(buyer.markets);
  const cityState = lead.state ? `${normalize(lead.city)}, ${normalize(lead.state)}` : undefined;
  const inMarket =
    markets.length === 0 ||
    markets.includes(normalize(lead.city)) ||
    (cityState !== undefined && cityStates.includes(cityState)) ||
    markets.includes(normalize(lead.zip).slice(0, 5));
  if (!inMarket) {
    fits = false;
    notes?.misses.push(`${lead.city} ${lead.zip} is outside their markets`);
  } else {
    score += MATCH_WEIGHTS.location;
    notes?.reasons.push(markets.length === 0 ? 'buys in any market' : `in market (${lead.city})`);
  }

  const typeFits = buyer.propertyTypes.length === 0 || buyer.propertyTypes.includes(lead.propertyType);
  if (!typeFits) {
    fits = false;
    notes?.misses.push(`${lead.propertyType} is not a type they buy`);
  } else {
    score += MATCH_WEIGHTS.type;
    notes?.reasons.push(buyer.propertyTypes.length === 0 ? 'buys any property type' : `${labelOf(lead.propertyType)} wanted`);
  }

  const price = lead.askingPrice ?? lead.mao;
  if (price === null) {
    if (buyer.minPrice !== null || buyer.maxPrice !== null) notes?.reasons.push('no price yet to compare with their range');
  } else if ((buyer.minPrice !== null && price < buyer.minPrice) || (buyer.maxPrice !== null && price > buyer.maxPrice)) {
    fits = false;
    notes?.misses.push(`${money(price)} is outside their ${money(buyer.minPrice ?? 0)}–${buyer.maxPrice === null ? 'any' : money(buyer.maxPrice)} range`);
  } else {
    score += MATCH_WEIGHTS.budget;
    notes?.reasons.push(`price fits (${money(price)})`);
  }

  if (buyer.minBeds !== null && lead.beds !== null) {
    if (lead.beds < buyer.minBeds) {
      fits = false;
      notes?.misses.push(`${lead.beds} bd < ${buyer.minBeds} bd wanted`);
    } else notes?.reasons.push(`${lead.beds} bd ≥ ${buyer.minBeds} bd wanted`);
  }
  if (buyer.minBaths !== null && lead.baths !== null) {
    if (lead.baths < buyer.minBaths) {
      fits = false;
      notes?.misses.push(`${lead.baths} ba < ${buyer.minBaths} ba wanted`);
    } else notes?.reasons.push(`${lead.baths} ba ≥ ${buyer.minBaths} ba wanted`);
  }
  if (buyer.maxRepair !== null && lead.repairEstimate !== null) {
    if (lead.repairEstimate > buyer.maxRepair) {
      fits = false;
      notes?.misses.push(`repairs ${money(lead.repairEstimate)} > their ${money(buyer.maxRepair)} budget`);
    } else notes?.reasons.push(`repairs ${money(lead.repairEstimate)} within budget`);
  }

  if (!fits) return null;
  if (buyer.cashBuyer) {
    score += MATCH_WEIGHTS.cash;
    notes?.reasons.push('cash buyer');
  }
  if (buyer.proofOfFundsVerified) {
    score += MATCH_WEIGHTS.proofOfFunds;
    notes?.reasons.push('proof of funds verified');
  }
  return score;
}

/**
 * A lead matches a buyer when it is in one of the buyer's markets (city or ZIP), of
 * one of their property types, and its price (asking, else MAO) is in their range; beds, baths
 * and repairs narrow further when both sides know them. The score says why, part by part.
 */
export function matchBuyer(lead: MatchableLead, buyer: MatchableBuyer): MatchResult {
  const notes: Notes = { misses: [], reasons: [] };
  const score = judge(lead, buyer, notes);
  return score === null ? { matches: false, misses: notes.misses } : { matches: true, score, reasons: notes.reasons };
}

/** matchBuyer's score without its reasons (null: no match), for ranking many candidates. */
export function matchScore(lead: MatchableLead, buyer: MatchableBuyer): number | null {
  return judge(lead, buyer, null);
}

/**
 * The score of a buyer whose box the lead fits: every part of the box holds, so it is the sum of
 * location, type, budget (when the lead has a price to compare) and the buyer's standing. SQL that
 * has already tested the box can rank its candidates by it (tests compare it with matchScore).
 */
export function fitScore(leadPriced: boolean, buyer: Pick<MatchableBuyer, 'cashBuyer' | 'proofOfFundsVerified'>): number {
  return (
    MATCH_WEIGHTS.location +
    MATCH_WEIGHTS.type +
    (leadPriced ? MATCH_WEIGHTS.budget : 0) +
    (buyer.cashBuyer ? MATCH_WEIGHTS.cash : 0) +
    (buyer.proofOfFundsVerified ? MATCH_WEIGHTS.proofOfFunds : 0)
  );
}

/**
 * The highest score any lead can reach with this buyer (a priced lead inside every part of the
 * box): once enough candidates reach it, no later candidate can outrank them.
 */
export function bestScoreFor(buyer: MatchableBuyer): number {
  return fitScore(true, buyer);
}
