import { matchBuyer, type MatchableBuyer, type MatchableLead } from '../domain/buyers/match-buyer';
import { normalizeMarket } from '../domain/buyers/buyer.schema';
import { computeDealMath, DEFAULT_DEAL_MATH_SETTINGS } from '../domain/deals/deal-math';
import { OPEN_LEAD_STATUSES } from '../domain/leads/lead-status';
import type { Db } from './db';
import type { Buyer, Lead, Prisma } from './generated/client';

// SQL narrows to at most this many candidates; the domain rule then decides and scores.
const CANDIDATE_LIMIT = 2_000;
const ID_CHUNK = 500;

export function matchableLead(lead: Lead): MatchableLead {
  const { mao } = computeDealMath(lead, DEFAULT_DEAL_MATH_SETTINGS);
  return { ...lead, mao };
}

export function matchableBuyer(buyer: Buyer): MatchableBuyer {
  return {
    markets: JSON.parse(buyer.markets) as string[],
    propertyTypes: JSON.parse(buyer.propertyTypes) as string[],
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

/** Buyers whose buy box fits the lead, best first. */
export async function findMatchingBuyers(db: Db, lead: Lead, limit = 50): Promise<Match<Buyer>[]> {
  const target = matchableLead(lead);
  const price = target.askingPrice ?? target.mao;
  const markets = [normalizeMarket(lead.city), normalizeMarket(lead.zip)];
  const where: Prisma.BuyerWhereInput = {
    archivedAt: null,
    status: { not: 'INACTIVE' },
    OR: [{ markets: '[]' }, { marketRows: { some: { market: { in: markets } } } }],
    ...(price === null
      ? {}
      : { AND: [{ OR: [{ minPrice: null }, { minPrice: { lte: price } }] }, { OR: [{ maxPrice: null }, { maxPrice: { gte: price } }] }] }),
  };
  const candidates = await db.buyer.findMany({ where, take: CANDIDATE_LIMIT });
  return ranked(candidates, (buyer) => matchBuyer(target, matchableBuyer(buyer)), limit);
}

/** Open leads that fit the buyer's buy box, best first. */
export async function findMatchingLeads(db: Db, buyer: Buyer, limit = 50): Promise<Match<Lead>[]> {
  const box = matchableBuyer(buyer);
  const markets = box.markets.map(normalizeMarket);
  const where: Prisma.LeadWhereInput = {
    archivedAt: null,
    status: { in: [...OPEN_LEAD_STATUSES] },
    ...(box.propertyTypes.length > 0 ? { propertyType: { in: box.propertyTypes } } : {}),
  };
  let candidates: Lead[];
  if (markets.length === 0) {
    candidates = await db.lead.findMany({ where, orderBy: { createdAt: 'desc' }, take: CANDIDATE_LIMIT });
  } else {
    // lower(city) is indexed (see the crm_core migration); Prisma cannot say lower() itself. A ZIP
    // market matches the ZIP or a ZIP+4 of it, as a range on the zip index ('-' sorts just before '.').
    const placeholders = markets.map(() => '?').join(', ');
    const zips = markets.filter((market) => /^\d{5}$/.test(market));
    const zipRanges = zips.map(() => '("zip" = ? OR ("zip" > ? AND "zip" < ?))').join(' OR ');
    const inMarket =
      `SELECT id FROM "Lead" WHERE lower("city") IN (${placeholders})` + (zips.length > 0 ? ` UNION SELECT id FROM "Lead" WHERE ${zipRanges}` : '');
    const types = box.propertyTypes.length > 0 ? ` AND "propertyType" IN (${box.propertyTypes.map(() => '?').join(', ')})` : '';
    const ids = await db.$queryRawUnsafe<Array<{ id: string }>>(
      `SELECT id FROM "Lead" WHERE id IN (${inMarket}) AND "archivedAt" IS NULL
        AND status IN (${OPEN_LEAD_STATUSES.map(() => '?').join(', ')})${types} ORDER BY "createdAt" DESC LIMIT ${CANDIDATE_LIMIT}`,
      ...markets,
      ...zips.flatMap((zip) => [zip, `${zip}-`, `${zip}.`]),
      ...OPEN_LEAD_STATUSES,
      ...box.propertyTypes,
    );
    // Prisma allows at most 999 parameters in one query: the rows come in chunks.
    candidates = [];
    for (let start = 0; start < ids.length; start += ID_CHUNK) {
      candidates.push(...(await db.lead.findMany({ where: { id: { in: ids.slice(start, start + ID_CHUNK).map((row) => row.id) } } })));
    }
  }
  return ranked(candidates, (lead) => matchBuyer(matchableLead(lead), box), limit);
}
