import { bestScoreFor, fitScore, matchBuyer, matchScore, type MatchableBuyer, type MatchableLead } from '../../domain/buyers/match-buyer';
import { buyerSchema, normalizeMarket } from '../../domain/buyers/buyer.schema';
import { computeDealMath, type DealMathSettings } from '../../domain/deals/deal-math';
import { OPEN_LEAD_STATUSES } from '../../domain/leads/lead-status';
import { PROPERTY_TYPES } from '../../domain/leads/lead.schema';
import type { z } from 'zod';
import type { Db } from '../client';
import { readRows, readRowsLazily } from '../read-rows';
import { ANY_MARKET, ANY_PROPERTY_TYPE } from '../writes/buyer-markets';
import { parseJsonColumn, type PartialRow } from '../rows';
import { Prisma, type Buyer, type Lead } from '../../prisma/generated/client';
import { dialectOf, drivenByIds, indexedBy, type Dialect } from './dialect';
import { idIn, selectedColumns, sqlLiteralList, sqlName } from './sql';

// Spelled as the literal list SQLite's partial market index (Lead_match_market_idx) carries.
const OPEN_LEAD_STATUSES_SQL = sqlLiteralList(OPEN_LEAD_STATUSES);

// SQL narrows to at most this many candidates; the domain rule then decides and scores.
const CANDIDATE_LIMIT = 2_000;

/** How many matches a record's page shows: the best, by the rule's score. */
export const MATCHES_SHOWN = 50;

// Candidates are read with only what the rule needs (a thousand full rows cost more to decode than to find); the winners are then read whole.
// createdAt orders them (newest first): a compound SELECT can only order by a column it returns.
const LEAD_MATCH_COLUMNS = ['id', 'city', 'state', 'zip', 'propertyType', 'beds', 'baths', 'repairEstimate', 'askingPrice', 'arv', 'createdAt'] as const;
type LeadCandidate = Pick<Lead, (typeof LEAD_MATCH_COLUMNS)[number]>;
// What the rule reads of a buyer: a lean answer's winners are read with these and the fields asked for.
const BUYER_RULE_COLUMNS = ['markets', 'propertyTypes', 'minPrice', 'maxPrice', 'minBeds', 'minBaths', 'maxRepair', 'cashBuyer', 'pofVerifiedAt', 'pofExpiresAt'] as const;
type BuyerCandidate = Pick<Buyer, (typeof BUYER_RULE_COLUMNS)[number]>;
/** A market row of a buyer whose box the lead fits: what its score still depends on. */
type BuyerFit = Pick<Buyer, 'id' | 'cashBuyer' | 'pofVerifiedAt' | 'pofExpiresAt'>;
const columnsOf = (table: string, columns: readonly string[]): Prisma.Sql => Prisma.join(columns.map((column) => Prisma.sql`${Prisma.raw(table)}.${sqlName(column)}`));

/** The lead as matching sees it: priced by its MAO under the admins' deal math when it has no asking price. */
export function matchableLead(lead: LeadCandidate, dealMath: DealMathSettings): MatchableLead {
  // Only what the rule reads, as one literal: a copy of every candidate's row cost more than its score.
  const { city, state, zip, propertyType, beds, baths, repairEstimate, askingPrice } = lead;
  return { city, state, zip, propertyType, beds, baths, repairEstimate, askingPrice, mao: computeDealMath(lead, dealMath).mao };
}

// Buy boxes repeat their lists (a few hundred distinct ones among 20k buyers): each text is parsed
// once, frozen since candidates share it. Validating each candidate's lists was a sixth of a match.
const MAX_PARSED_LISTS = 5_000;
const parsedLists = { 'Buyer.markets': new Map<string, string[]>(), 'Buyer.propertyTypes': new Map<string, string[]>() };

function parsedList(schema: z.ZodType<string[]>, json: string, name: keyof typeof parsedLists): string[] {
  const parsed = parsedLists[name];
  const known = parsed.get(json);
  if (known) return known;
  const list = Object.freeze(parseJsonColumn(schema, json, name)) as string[];
  if (parsed.size >= MAX_PARSED_LISTS) parsed.clear();
  parsed.set(json, list);
  return list;
}

export function matchableBuyer(buyer: BuyerCandidate): MatchableBuyer {
  return {
    markets: parsedList(buyerSchema.shape.markets, buyer.markets, 'Buyer.markets'),
    propertyTypes: parsedList(buyerSchema.shape.propertyTypes, buyer.propertyTypes, 'Buyer.propertyTypes'),
    minPrice: buyer.minPrice,
    maxPrice: buyer.maxPrice,
    minBeds: buyer.minBeds,
    minBaths: buyer.minBaths,
    maxRepair: buyer.maxRepair,
    cashBuyer: buyer.cashBuyer,
    proofOfFundsVerified: proofOfFundsVerified(buyer, new Date()),
  };
}

const proofOfFundsVerified = (buyer: Pick<Buyer, 'pofVerifiedAt' | 'pofExpiresAt'>, now: Date): boolean =>
  buyer.pofVerifiedAt !== null && (buyer.pofExpiresAt === null || buyer.pofExpiresAt > now);

export interface Match<T> {
  item: T;
  score: number;
  reasons: string[];
}

/** The lead and the buy box the domain rule compares for a candidate. */
type MatchPair<C> = (candidate: C) => { lead: MatchableLead; buyer: MatchableBuyer };

/**
 * The best `limit` candidates by the rule's score (ties keep the candidates' order), each with the
 * row `load` gives for it (read again by id, or the candidate itself when it holds what is asked).
 * Only the winners' reasons are put in words: a thousand candidates' would cost more than their
 * scores. The read stops once `limit` candidates reach `bestScore`, the best any candidate can
 * reach: none after them can rank higher. A candidate read again (markets that overlap) counts once.
 */
async function ranked<C extends { id: string }, T extends { id: string }>(
  candidates: Iterable<C>,
  pairOf: MatchPair<C>,
  limit: number,
  load: (winners: C[]) => Promise<T[]>,
  bestScore: number,
): Promise<Match<T>[]> {
  const fits: Array<{ candidate: C; pair: ReturnType<MatchPair<C>>; score: number }> = [];
  const seen = new Set<string>();
  let atBest = 0;
  for (const candidate of candidates) {
    if (seen.has(candidate.id)) continue;
    seen.add(candidate.id);
    const pair = pairOf(candidate);
    const score = matchScore(pair.lead, pair.buyer);
    if (score === null) continue;
    fits.push({ candidate, pair, score });
    if (score === bestScore && ++atBest >= limit) break;
  }
  const best = fits.sort((a, b) => b.score - a.score).slice(0, limit);
  const rows = new Map((await load(best.map(({ candidate }) => candidate))).map((row) => [row.id, row]));
  return best.flatMap(({ candidate, pair, score }) => {
    const row = rows.get(candidate.id);
    const result = matchBuyer(pair.lead, pair.buyer);
    return row && result.matches ? [{ item: row, score, reasons: result.reasons }] : [];
  });
}

/** `table.column` is unknown or at least / at most `bound`: what the domain rule lets through. */
function withinBound(table: string, column: string, comparison: '>=' | '<=', bound: number | null): Prisma.Sql[] {
  if (bound === null) return [];
  const name = Prisma.sql`${Prisma.raw(table)}.${sqlName(column)}`;
  return [Prisma.sql`(${name} IS NULL OR ${name} ${Prisma.raw(comparison)} ${bound})`];
}

/**
 * The market rows of the buyers whose box fits a lead priced at `price`: in the lead's market (or
 * any market), buying its type (or any type), live, with bounds the lead meets (a bound the lead
 * cannot be compared with passes, as in the rule). Each row holds a copy of its buyer's box and
 * standing, so this is one range of BuyerMarket_match_idx: at volume a lead's markets and type
 * hold ~140 rows, and looking each buyer up in its own table cost most of a match. A buyer is
 * listed once per market of theirs the lead is in.
 */
export function buyerCandidatesSql(lead: Pick<Lead, 'city' | 'zip' | 'propertyType' | 'beds' | 'baths' | 'repairEstimate'> & { state?: string }, price: number | null, dialect: Dialect): Prisma.Sql {
  // A "Dayton, OH" market holds the lead's city with its state.
  const markets = [normalizeMarket(lead.city), ...(lead.state ? [normalizeMarket(`${lead.city}, ${lead.state}`)] : []), normalizeMarket(lead.zip), ANY_MARKET];
  const conditions = [
    Prisma.sql`m."market" IN (${Prisma.join(markets)})`,
    Prisma.sql`m."propertyType" IN (${lead.propertyType}, ${ANY_PROPERTY_TYPE})`,
    Prisma.sql`m."live" = ${true}`,
    ...(price === null ? [] : [...withinBound('m', 'minPrice', '<=', price), ...withinBound('m', 'maxPrice', '>=', price)]),
    ...withinBound('m', 'minBeds', '<=', lead.beds),
    ...withinBound('m', 'minBaths', '<=', lead.baths),
    ...withinBound('m', 'maxRepair', '>=', lead.repairEstimate),
  ];
  return Prisma.sql`SELECT m."buyerId" AS "id", m."cashBuyer", m."pofVerifiedAt", m."pofExpiresAt" FROM "BuyerMarket" AS m${indexedBy(dialect, 'BuyerMarket_match_idx')}
    WHERE ${Prisma.join(conditions, ' AND ')} LIMIT ${CANDIDATE_LIMIT}`;
}

/**
 * Buyers whose buy box fits the lead, best first (ties by id). SQL has tested the box, so a
 * candidate's score is its fit score (tests/integration/find-matches compares both with the rule
 * over every pair); the winners are read whole and judged by the rule for their reasons.
 */
export async function findMatchingBuyers(db: Db, lead: Lead, dealMath: DealMathSettings, limit?: number): Promise<Match<Buyer>[]>;
export async function findMatchingBuyers(db: Db, lead: Lead, dealMath: DealMathSettings, limit: number, columns: readonly string[]): Promise<Match<PartialRow<Buyer>>[]>;
export async function findMatchingBuyers(db: Db, lead: Lead, dealMath: DealMathSettings, limit = MATCHES_SHOWN, columns?: readonly string[]): Promise<Match<PartialRow<Buyer>>[]> {
  const target = matchableLead(lead, dealMath);
  const price = target.askingPrice ?? target.mao;
  const now = new Date();
  const scores = new Map<string, number>();
  for (const row of await readRows<BuyerFit>(db, buyerCandidatesSql(lead, price, dialectOf(db)))) {
    if (!scores.has(row.id)) scores.set(row.id, fitScore(price !== null, { cashBuyer: row.cashBuyer, proofOfFundsVerified: proofOfFundsVerified(row, now) }));
  }
  const best = [...scores].sort(([a, scoreA], [b, scoreB]) => scoreB - scoreA || (a < b ? -1 : a > b ? 1 : 0)).slice(0, limit);
  const rows = new Map((await readRows<PartialRow<Buyer> & BuyerCandidate>(db, Prisma.sql`SELECT ${selectedColumns(columns && [...BUYER_RULE_COLUMNS, ...columns])} FROM "Buyer" WHERE ${idIn(Prisma.sql`"id"`, best.map(([id]) => id), dialectOf(db))}`)).map((row) => [row.id, row]));
  return best.flatMap(([id]) => {
    const row = rows.get(id);
    const result = row && matchBuyer(target, matchableBuyer(row));
    return row && result?.matches ? [{ item: row, score: result.score, reasons: result.reasons }] : [];
  });
}

/** A market's condition on Lead and the covering index (Lead_match_market_idx or Lead_match_zip_idx) that answers it. */
interface MarketBranch {
  index: string;
  where: Prisma.Sql;
  /** SQLite: given one property type too, the index holds the branch's leads in age order (a "City, ST" market). */
  inAgeOrderByType: boolean;
}

/**
 * The conditions of `markets` (normalised: lower-case "city" or "city, st", 5-digit ZIPs), by the
 * lower(city) and zip indexes. A "City, ST" market holds that city in that state only; a bare city
 * (saved before markets needed their state) holds the city in any state.
 */
function marketBranches(markets: string[]): MarketBranch[] {
  const branches: MarketBranch[] = [];
  const zips = markets.filter((market) => /^\d{5}$/.test(market));
  const places = markets.filter((market) => !/^\d/.test(market)).map((market) => market.split(', '));
  const cities = places.filter((place) => place.length === 1).map(([city]) => city!);
  if (cities.length > 0) branches.push({ index: 'Lead_match_market_idx', where: Prisma.sql`lower("city") IN (${Prisma.join(cities)})`, inAgeOrderByType: false });
  for (const [city, state] of places.filter((place) => place.length === 2)) {
    branches.push({ index: 'Lead_match_market_idx', where: Prisma.sql`lower("city") = ${city} AND upper("state") = ${state!.toUpperCase()}`, inAgeOrderByType: true });
  }
  // A ZIP market matches the ZIP or a ZIP+4 of it, as a range on the zip index ('-' sorts just before '.').
  if (zips.length > 0) {
    const zipRanges = zips.map((zip) => Prisma.sql`("zip" = ${zip} OR ("zip" > ${`${zip}-`} AND "zip" < ${`${zip}.`}))`);
    branches.push({ index: 'Lead_match_zip_idx', where: Prisma.join(zipRanges, ' OR '), inAgeOrderByType: false });
  }
  return branches;
}

// SQLite reads a "City, ST" market one property type at a time, in age order, up to this many reads in all;
// a bigger box (dozens of markets of many types) reads each market once and sorts its leads.
const MAX_READS_IN_AGE_ORDER = 64;

/**
 * SQLite's reads of the box's markets, merged newest first. A "City, ST" market is read a property
 * type at a time from Lead_match_market_idx, which holds them in age order: the merge stops at
 * the first rows the caller takes instead of sorting every fitting lead of the markets (most of a
 * buyer's matching at volume). The reads may overlap (a city and its ZIP): the caller drops repeats.
 */
function sqliteMarketReads(branches: MarketBranch[], box: MatchableBuyer, { typeIn, facts }: { typeIn: Prisma.Sql[]; facts: Prisma.Sql[] }, columns: Prisma.Sql): Prisma.Sql {
  const types = box.propertyTypes.length > 0 ? box.propertyTypes : [...PROPERTY_TYPES];
  const byType = branches.reduce((reads, branch) => reads + (branch.inAgeOrderByType ? types.length : 1), 0) <= MAX_READS_IN_AGE_ORDER;
  const read = ({ index, where }: MarketBranch, conditions: Prisma.Sql[]) =>
    Prisma.sql`SELECT ${columns} FROM "Lead" AS l${indexedBy('sqlite', index)} WHERE (${where}) AND ${Prisma.join(conditions, ' AND ')}`;
  const reads = branches.flatMap((branch) =>
    byType && branch.inAgeOrderByType ? types.map((type) => read(branch, [Prisma.sql`l."propertyType" = ${type}`, ...facts])) : [read(branch, [...typeIn, ...facts])],
  );
  return Prisma.sql`${Prisma.join(reads, ' UNION ALL ')} ORDER BY "createdAt" DESC, "id" DESC LIMIT ${CANDIDATE_LIMIT}`;
}

// What Lead_match_market_idx holds besides the rule's columns (the buyer page's lean answer asks for no more).
const LEAD_MARKET_INDEX_COLUMNS: ReadonlySet<string> = new Set([...LEAD_MATCH_COLUMNS, 'status', 'archivedAt', 'sellerName', 'street']);

/**
 * Whether the candidates' read can carry `wanted` itself, so that the winners need no second read
 * by id (a third of a lean match's time at volume): on SQLite, when every market is read from
 * Lead_match_market_idx (a ZIP's index does not hold them all) and the columns are among those it
 * holds. Without markets the read is of the Lead rows themselves, which hold every column.
 */
const readCarries = (branches: MarketBranch[], wanted: readonly string[], dialect: Dialect): boolean =>
  dialect === 'sqlite' && branches.every(({ index }) => index === 'Lead_match_market_idx') && wanted.every((column) => LEAD_MARKET_INDEX_COLUMNS.has(column));

/**
 * The read of the open leads that may fit a buy box: the newest in the buyer's markets and types
 * whose known facts fit the box. With markets, the market's leads drive the read: walking every
 * lead newest first and testing its market took most of a second at 100k leads when the markets
 * hold fewer than the limit. On SQLite each market is read from a covering index alone (visiting
 * each of a city's thousands of lead rows cost 20-30 ms); on PostgreSQL the market's ids drive a
 * join (CROSS JOIN LATERAL keeps them outside). Without markets, the newest leads are read until
 * the limit. Given `wanted` (a lean answer's columns), the read also selects them when it can
 * carry them (`carried`), so the winners are the candidates themselves.
 */
export function leadCandidatesRead(box: MatchableBuyer, dialect: Dialect, wanted?: readonly string[]): { sql: Prisma.Sql; carried: boolean } {
  const branches = marketBranches(box.markets.map(normalizeMarket));
  const carried = wanted !== undefined && readCarries(branches, wanted, dialect);
  const columns = columnsOf('l', carried ? [...new Set([...LEAD_MATCH_COLUMNS, ...(wanted ?? [])])] : LEAD_MATCH_COLUMNS);
  return { sql: leadCandidatesSql(box, dialect, branches, columns), carried };
}

function leadCandidatesSql(box: MatchableBuyer, dialect: Dialect, branches: MarketBranch[], columns: Prisma.Sql): Prisma.Sql {
  const facts = [
    Prisma.sql`l."archivedAt" IS NULL`,
    Prisma.sql`l."status" IN ${OPEN_LEAD_STATUSES_SQL}`,
    // A lead without an asking price is priced by its MAO, which only the domain rule computes.
    ...withinBound('l', 'askingPrice', '>=', box.minPrice),
    ...withinBound('l', 'askingPrice', '<=', box.maxPrice),
    ...withinBound('l', 'beds', '>=', box.minBeds),
    ...withinBound('l', 'baths', '>=', box.minBaths),
    ...withinBound('l', 'repairEstimate', '<=', box.maxRepair),
  ];
  const typeIn = box.propertyTypes.length > 0 ? [Prisma.sql`l."propertyType" IN (${Prisma.join(box.propertyTypes)})`] : [];
  const conditions = Prisma.join([...typeIn, ...facts], ' AND ');
  const newest = Prisma.sql`ORDER BY "createdAt" DESC LIMIT ${CANDIDATE_LIMIT}`;
  // Markets none can read (a stray market): no lead.
  if (box.markets.length > 0 && branches.length === 0) return Prisma.sql`SELECT ${columns} FROM "Lead" AS l WHERE 1 = 0`;
  if (branches.length === 0) return Prisma.sql`SELECT ${columns} FROM "Lead" AS l WHERE ${conditions} ${newest}`;
  if (dialect === 'sqlite') return sqliteMarketReads(branches, box, { typeIn, facts }, columns);
  const ids = Prisma.join(
    branches.map(({ where }) => Prisma.sql`SELECT "id" FROM "Lead" WHERE ${where}`),
    ' UNION ',
  );
  return Prisma.sql`SELECT ${columns} FROM ${drivenByIds(dialect, ids, 'Lead', 'l')} WHERE ${conditions} ${newest}`;
}

/**
 * Open leads that fit the buyer's buy box, best first: SQL narrows to the candidates, the domain rule
 * decides and scores. Given `columns` (a lean answer's), the winners carry only those (and what the
 * candidates' read holds besides): read with the candidates when they can carry them, else by id.
 */
export async function findMatchingLeads(db: Db, buyer: Buyer, dealMath: DealMathSettings, limit?: number): Promise<Match<Lead>[]>;
export async function findMatchingLeads(db: Db, buyer: Buyer, dealMath: DealMathSettings, limit: number, columns: readonly string[]): Promise<Match<PartialRow<Lead>>[]>;
export async function findMatchingLeads(db: Db, buyer: Buyer, dealMath: DealMathSettings, limit = MATCHES_SHOWN, columns?: readonly string[]): Promise<Match<PartialRow<Lead>>[]> {
  const box = matchableBuyer(buyer);
  const dialect = dialectOf(db);
  const { sql, carried } = leadCandidatesRead(box, dialect, columns);
  // Newest first, read only until `limit` leads reach the buyer's best score (most leads of a market do).
  const candidates = await readRowsLazily<LeadCandidate & PartialRow<Lead>>(db, sql);
  const load = async (winners: PartialRow<Lead>[]) =>
    carried ? winners : readRows<PartialRow<Lead>>(db, Prisma.sql`SELECT ${selectedColumns(columns)} FROM "Lead" WHERE ${idIn(Prisma.sql`"id"`, winners.map(({ id }) => id), dialect)}`);
  return ranked(candidates, (lead) => ({ lead: matchableLead(lead, dealMath), buyer: box }), limit, load, bestScoreFor(box));
}
