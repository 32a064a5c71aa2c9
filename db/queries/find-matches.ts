import { matchBuyer, type MatchableBuyer, type MatchableLead } from '../../domain/buyers/match-buyer';
import { buyerSchema, normalizeMarket } from '../../domain/buyers/buyer.schema';
import { withMao, type DealMathSettings } from '../../domain/deals/deal-math';
import { OPEN_LEAD_STATUSES } from '../../domain/leads/lead-status';
import type { Db } from '../client';
import { parseJsonColumn } from '../rows';
import { Prisma, type Buyer, type Lead } from '../../prisma/generated/client';
import { sqlName } from './sql';

// SQL narrows to at most this many candidates; the domain rule then decides and scores.
const CANDIDATE_LIMIT = 2_000;

/** The lead as matching sees it: priced by its MAO under the admins' deal math when it has no asking price. */
export function matchableLead(lead: Lead, dealMath: DealMathSettings): MatchableLead {
  return withMao(lead, dealMath);
}

export function matchableBuyer(buyer: Buyer): MatchableBuyer {
  return {
    markets: parseJsonColumn(buyerSchema.shape.markets, buyer.markets, 'Buyer.markets'),
    propertyTypes: parseJsonColumn(buyerSchema.shape.propertyTypes, buyer.propertyTypes, 'Buyer.propertyTypes'),
    minPrice: buyer.minPrice,
    maxPrice: buyer.maxPrice,
    minBeds: buyer.minBeds,
    minBaths: buyer.minBaths,
    maxRepair: buyer.maxRepair,
    cashBuyer: buyer.cashBuyer,
    proofOfFundsVerified: buyer.pofVerifiedAt !== null && (buyer.pofExpiresAt === null || buyer.pofExpiresAt > new Date()),
  };
}

export interface Match<T> {
  item: T;
  score: number;
  reasons: string[];
}

function ranked<T>(candidates: T[], score: (candidate: T) => ReturnType<typeof matchBuyer>, limit: number): Match<T>[] {
  const matches: Match<T>[] = [];
  for (const candidate of candidates) {
    const result = score(candidate);
    if (result.matches) matches.push({ item: candidate, score: result.score, reasons: result.reasons });
  }
  return matches.sort((a, b) => b.score - a.score).slice(0, limit);
}

/** `column` is unknown or at least / at most `bound`: what the domain rule lets through. */
function withinBound(column: string, comparison: '>=' | '<=', bound: number | null): Prisma.Sql[] {
  if (bound === null) return [];
  return [Prisma.sql`(${sqlName(column)} IS NULL OR ${sqlName(column)} ${Prisma.raw(comparison)} ${bound})`];
}

/**
 * The buyers that may fit a lead priced at `price`: in the lead's market, with bounds the lead can
 * meet (a bound the lead cannot be compared with still passes).
 */
export function buyerCandidatesSql(lead: Pick<Lead, 'city' | 'zip' | 'beds' | 'baths' | 'repairEstimate'> & { state?: string }, price: number | null): Prisma.Sql {
  // A "Dayton, OH" market holds the lead's city with its state.
  const markets = [normalizeMarket(lead.city), ...(lead.state ? [normalizeMarket(`${lead.city}, ${lead.state}`)] : []), normalizeMarket(lead.zip)];
  const conditions = [
    Prisma.sql`"archivedAt" IS NULL`,
    Prisma.sql`"status" <> 'INACTIVE'`,
    Prisma.sql`("markets" = '[]' OR "id" IN (SELECT "buyerId" FROM "BuyerMarket" WHERE "market" IN (${Prisma.join(markets)})))`,
    ...(price === null ? [] : [...withinBound('minPrice', '<=', price), ...withinBound('maxPrice', '>=', price)]),
    ...withinBound('minBeds', '<=', lead.beds),
    ...withinBound('minBaths', '<=', lead.baths),
    ...withinBound('maxRepair', '>=', lead.repairEstimate),
  ];
  return Prisma.sql`SELECT * FROM "Buyer" WHERE ${Prisma.join(conditions, ' AND ')} LIMIT ${CANDIDATE_LIMIT}`;
}

/**
 * Buyers whose buy box fits the lead, best first. SQL narrows to the candidates; the domain rule
 * then decides and scores. One raw read: candidates can be thousands of rows.
 */
export async function findMatchingBuyers(db: Db, lead: Lead, dealMath: DealMathSettings, limit = 50): Promise<Match<Buyer>[]> {
  const target = matchableLead(lead, dealMath);
  const candidates = await db.$queryRaw<Buyer[]>(buyerCandidatesSql(lead, target.askingPrice ?? target.mao));
  return ranked(candidates, (buyer) => matchBuyer(target, matchableBuyer(buyer)), limit);
}

/** The leads in any of `markets` (lower-case cities, 5-digit ZIPs), by the lower(city) and zip indexes. */
function inMarkets(markets: string[]): Prisma.Sql {
  const byCity = Prisma.sql`SELECT "id" FROM "Lead" WHERE lower("city") IN (${Prisma.join(markets)})`;
  // A ZIP market matches the ZIP or a ZIP+4 of it, as a range on the zip index ('-' sorts just before '.').
  const zips = markets.filter((market) => /^\d{5}$/.test(market));
  if (zips.length === 0) return byCity;
  const zipRanges = zips.map((zip) => Prisma.sql`("zip" = ${zip} OR ("zip" > ${`${zip}-`} AND "zip" < ${`${zip}.`}))`);
  return Prisma.sql`${byCity} UNION SELECT "id" FROM "Lead" WHERE ${Prisma.join(zipRanges, ' OR ')}`;
}

/**
 * The open leads that may fit a buy box: the newest in the buyer's markets and types whose known
 * facts fit the box.
 */
export function leadCandidatesSql(box: MatchableBuyer): Prisma.Sql {
  const markets = box.markets.map(normalizeMarket);
  const conditions = [
    Prisma.sql`"archivedAt" IS NULL`,
    Prisma.sql`"status" IN (${Prisma.join([...OPEN_LEAD_STATUSES])})`,
    ...(markets.length > 0 ? [Prisma.sql`"id" IN (${inMarkets(markets)})`] : []),
    ...(box.propertyTypes.length > 0 ? [Prisma.sql`"propertyType" IN (${Prisma.join(box.propertyTypes)})`] : []),
    // A lead without an asking price is priced by its MAO, which only the domain rule computes.
    ...withinBound('askingPrice', '>=', box.minPrice),
    ...withinBound('askingPrice', '<=', box.maxPrice),
    ...withinBound('beds', '>=', box.minBeds),
    ...withinBound('baths', '>=', box.minBaths),
    ...withinBound('repairEstimate', '<=', box.maxRepair),
  ];
  return Prisma.sql`SELECT * FROM "Lead" WHERE ${Prisma.join(conditions, ' AND ')} ORDER BY "createdAt" DESC LIMIT ${CANDIDATE_LIMIT}`;
}

/** Open leads that fit the buyer's buy box, best first: SQL narrows to the candidates, the domain rule decides and scores. */
export async function findMatchingLeads(db: Db, buyer: Buyer, dealMath: DealMathSettings, limit = 50): Promise<Match<Lead>[]> {
  const box = matchableBuyer(buyer);
  const candidates = await db.$queryRaw<Lead[]>(leadCandidatesSql(box));
  return ranked(candidates, (lead) => matchBuyer(matchableLead(lead, dealMath), box), limit);
}
