import { matchBuyer } from '../../domain/buyers/match-buyer';
import { buyerMarketRows } from '../../db/writes/buyer-markets';
import { DEFAULT_DEAL_MATH_SETTINGS } from '../../domain/deals/deal-math';
import { OPEN_LEAD_STATUSES } from '../../domain/leads/lead-status';
import { findMatchingBuyers, findMatchingLeads, leadCandidatesRead, matchableBuyer, matchableLead } from '../../db/queries/find-matches';
import { dialectOf } from '../../db/queries/dialect';
import { pricedLeadColumns } from '../../api/leads/priced-lead-json';
import { BUYER_MATCH_LEAD_FIELDS } from '../../domain/buyers/match-fields';
import type { Buyer, Lead } from '../../prisma/generated/client';
import { buildLead, buildUser } from '../support/factories';
import { createTestDb, type TestDb } from '../support/test-db';

jest.setTimeout(180_000);

let testDb: TestDb;
let leads: Lead[];
let buyers: Buyer[];

// Every combination SQL narrows on: known and unknown prices, beds, baths and repairs; cities in
// other cases; ZIP+4; buyers of any market or type, of one type or several; inactive and archived rows that never match.
beforeAll(async () => {
  testDb = await createTestDb();
  const db = testDb.db;
  const owner = await buildUser(db);
  const cities = ['Dayton', 'dayton', 'Akron'];
  const zips = ['45402', '45402-1234', '44301'];
  for (let i = 0; i < 36; i += 1) {
    const lead = await buildLead(db, owner.id, {
      city: cities[i % 3]!,
      zip: zips[(i >> 1) % 3]!,
      propertyType: i % 4 === 0 ? 'MULTI_FAMILY' : 'SFR',
      askingPrice: i % 5 === 0 ? undefined : 40_000 + (i % 6) * 30_000,
      // A few leads in another state: a "Dayton, OH" market must not take a Dayton, KY lead.
      state: i % 4 === 3 ? 'KY' : 'OH',
    });
    await db.lead.update({
      where: { id: lead.id },
      data: {
        beds: i % 3 === 0 ? null : 1 + (i % 4),
        baths: i % 4 === 0 ? null : 1 + (i % 3) * 0.5,
        repairEstimate: i % 7 === 0 ? null : (i % 5) * 15_000,
        arv: i % 5 === 0 && i % 2 === 0 ? 150_000 : null,
        status: i % 9 === 8 ? 'DEAD' : OPEN_LEAD_STATUSES[i % OPEN_LEAD_STATUSES.length]!,
        archivedAt: i === 35 ? new Date() : null,
      },
    });
  }
  const marketSets = [[], ['Dayton'], ['45402'], ['akron', '45402-9999'], ['Cleveland'], ['Dayton, OH'], ['dayton, ky', '44301'], ['Akron, OH', 'Cleveland, OH']];
  // Lists of one type, of several, of none (any type), and of types no lead has.
  const typeSets = [['SFR'], [], ['LAND', 'MULTI_FAMILY'], ['SFR', 'CONDO'], ['MULTI_FAMILY'], ['LAND'], []];
  for (let i = 0; i < 30; i += 1) {
    const markets = marketSets[i % marketSets.length]!;
    const propertyTypes = typeSets[i % typeSets.length]!;
    await db.buyer.create({
      data: {
        name: `Buyer ${i}`,
        status: i % 10 === 9 ? 'INACTIVE' : 'ACTIVE',
        cashBuyer: i % 2 === 0,
        markets: JSON.stringify(markets),
        marketRows: { create: buyerMarketRows('', markets, propertyTypes).map(({ market, propertyType }) => ({ market, propertyType })) },
        propertyTypes: JSON.stringify(propertyTypes),
        minPrice: i % 4 === 0 ? null : 30_000 + (i % 3) * 20_000,
        maxPrice: i % 5 === 0 ? null : 100_000 + (i % 4) * 40_000,
        minBeds: i % 3 === 1 ? 3 : null,
        minBaths: i % 4 === 1 ? 2 : null,
        maxRepair: i % 5 === 2 ? 30_000 : null,
        // Proof of funds verified, verified but expired, verified until next year, never.
        pofVerifiedAt: i % 4 === 3 ? null : new Date('2026-01-01T00:00:00Z'),
        pofExpiresAt: [null, new Date('2026-02-01T00:00:00Z'), new Date(Date.now() + 365 * 86_400_000), null][i % 4],
        archivedAt: i === 29 ? new Date() : null,
      },
    });
  }
  leads = await db.lead.findMany();
  buyers = await db.buyer.findMany();
});
afterAll(() => testDb?.close());

const ids = (matches: Array<{ item: { id: string } }>) => matches.map((match) => match.item.id).sort();

/** The live buyers among `buyers` the domain rule accepts for the lead, each with the rule's score and reasons. */
function ruleMatchesOf(lead: Lead, buyers: Buyer[]): Array<{ id: string; score: number; reasons: string[] }> {
  const target = matchableLead(lead, DEFAULT_DEAL_MATH_SETTINGS);
  return buyers.flatMap((buyer) => {
    const result = buyer.archivedAt === null && buyer.status !== 'INACTIVE' ? matchBuyer(target, matchableBuyer(buyer)) : { matches: false as const };
    return result.matches ? [{ id: buyer.id, score: result.score, reasons: result.reasons }] : [];
  });
}

describe('matching through SQL candidates', () => {
  it("finds for every lead exactly the buyers the domain rule accepts among all of them", async () => {
    let matched = 0;
    for (const lead of leads.filter((row) => row.archivedAt === null)) {
      const expected = buyers.filter((buyer) => buyer.archivedAt === null && buyer.status !== 'INACTIVE' && matchBuyer(matchableLead(lead, DEFAULT_DEAL_MATH_SETTINGS), matchableBuyer(buyer)).matches);
      expect({ lead: lead.id, buyers: ids(await findMatchingBuyers(testDb.db, lead, DEFAULT_DEAL_MATH_SETTINGS, 1_000)) }).toEqual({ lead: lead.id, buyers: expected.map((buyer) => buyer.id).sort() });
      matched += expected.length;
    }
    expect(matched).toBeGreaterThan(20);
  });

  it('finds for every buyer exactly the open leads the domain rule accepts among all of them', async () => {
    let matched = 0;
    for (const buyer of buyers) {
      const open = leads.filter((lead) => lead.archivedAt === null && (OPEN_LEAD_STATUSES as readonly string[]).includes(lead.status));
      const expected = open.filter((lead) => matchBuyer(matchableLead(lead, DEFAULT_DEAL_MATH_SETTINGS), matchableBuyer(buyer)).matches);
      expect({ buyer: buyer.id, leads: ids(await findMatchingLeads(testDb.db, buyer, DEFAULT_DEAL_MATH_SETTINGS, 1_000)) }).toEqual({ buyer: buyer.id, leads: expected.map((lead) => lead.id).sort() });
      matched += expected.length;
    }
    expect(matched).toBeGreaterThan(20);
  });

  it('finds for a buyer of many markets of any type exactly the open leads the domain rule accepts', async () => {
    // More markets × types than SQLite reads one at a time in age order: each market is read whole.
    const markets = ['Dayton, OH', 'Akron, OH', ...Array.from({ length: 20 }, (_, i) => `Town ${i}, OH`), '44301'];
    for (const propertyTypes of [[], ['SFR', 'MULTI_FAMILY']]) {
      const buyer = { ...buyers[0]!, markets: JSON.stringify(markets), propertyTypes: JSON.stringify(propertyTypes), minPrice: null, maxPrice: null, minBeds: null, minBaths: null, maxRepair: null };
      const open = leads.filter((lead) => lead.archivedAt === null && (OPEN_LEAD_STATUSES as readonly string[]).includes(lead.status));
      const expected = open.filter((lead) => matchBuyer(matchableLead(lead, DEFAULT_DEAL_MATH_SETTINGS), matchableBuyer(buyer)).matches);
      expect(expected.length).toBeGreaterThan(10);
      expect(ids(await findMatchingLeads(testDb.db, buyer, DEFAULT_DEAL_MATH_SETTINGS, 1_000))).toEqual(expected.map((lead) => lead.id).sort());
    }
  });

  it("prices a lead without an asking price by its MAO under the admins' rule", async () => {
    const owner = await buildUser(testDb.db);
    const lead = await buildLead(testDb.db, owner.id, { city: 'Toledo', zip: '43604', askingPrice: undefined });
    const unpriced = await testDb.db.lead.update({ where: { id: lead.id }, data: { arv: 200_000, repairEstimate: 20_000 } });
    const buyer = await testDb.db.buyer.create({
      data: { name: 'Toledo Buyer', status: 'ACTIVE', markets: '["Toledo"]', marketRows: { create: [{ market: 'toledo' }] }, maxPrice: 100_000 },
    });
    const buyersOf = async (rulePercent: number) => ids(await findMatchingBuyers(testDb.db, unpriced, { ...DEFAULT_DEAL_MATH_SETTINGS, rulePercent }, 1_000));
    const leadsOf = async (rulePercent: number) => ids(await findMatchingLeads(testDb.db, buyer, { ...DEFAULT_DEAL_MATH_SETTINGS, rulePercent }, 1_000));
    // 70 %: 140k − 20k repairs − 10k fee = 110k, over their 100k; 60 %: 90k, within it.
    expect(await buyersOf(70)).not.toContain(buyer.id);
    expect(await buyersOf(60)).toContain(buyer.id);
    expect(await leadsOf(70)).not.toContain(unpriced.id);
    expect(await leadsOf(60)).toContain(unpriced.id);
  });

  it("scores and explains every match as the domain rule does, and keeps the best when it must cut", async () => {
    const explained = (matches: Array<{ item: { id: string }; score: number; reasons: string[] }>) =>
      matches.map(({ item, score, reasons }) => ({ id: item.id, score, reasons })).sort((a, b) => a.id.localeCompare(b.id));
    // Every row, those the tests above added too.
    const everyLead = await testDb.db.lead.findMany();
    const everyBuyer = await testDb.db.buyer.findMany();
    for (const lead of everyLead.filter((row) => row.archivedAt === null)) {
      const expected = ruleMatchesOf(lead, everyBuyer);
      expect(explained(await findMatchingBuyers(testDb.db, lead, DEFAULT_DEAL_MATH_SETTINGS, 1_000))).toEqual(expected.sort((a, b) => a.id.localeCompare(b.id)));
      // With room for fewer, the ones kept score at least as well as every one left out.
      const cut = await findMatchingBuyers(testDb.db, lead, DEFAULT_DEAL_MATH_SETTINGS, 2);
      const worstKept = Math.min(...cut.map((match) => match.score));
      expect(cut).toHaveLength(Math.min(2, expected.length));
      expect(expected.filter((match) => !cut.some((kept) => kept.item.id === match.id)).every((left) => left.score <= worstKept)).toBe(true);
    }
    for (const buyer of everyBuyer.filter((row) => row.archivedAt === null)) {
      const box = matchableBuyer(buyer);
      const expected = everyLead.flatMap((lead) => {
        const open = lead.archivedAt === null && (OPEN_LEAD_STATUSES as readonly string[]).includes(lead.status);
        const result = open ? matchBuyer(matchableLead(lead, DEFAULT_DEAL_MATH_SETTINGS), box) : { matches: false as const };
        return result.matches ? [{ id: lead.id, score: result.score, reasons: result.reasons }] : [];
      });
      const all = await findMatchingLeads(testDb.db, buyer, DEFAULT_DEAL_MATH_SETTINGS, 1_000);
      expect(explained(all)).toEqual(expected.sort((a, b) => a.id.localeCompare(b.id)));
      // With room for fewer, the read stops once that many reach the buyer's best score: still the first of the whole ranking, in order.
      for (const limit of [1, 2, 3]) {
        const cut = await findMatchingLeads(testDb.db, buyer, DEFAULT_DEAL_MATH_SETTINGS, limit);
        expect({ buyer: buyer.id, limit, cut: cut.map(({ item, score }) => [item.id, score]) }).toEqual({ buyer: buyer.id, limit, cut: all.slice(0, limit).map(({ item, score }) => [item.id, score]) });
      }
    }
  });

  it("gives a buyer's lean matches (the columns the buyer page asks for) as the whole ones, whether the candidates' read carries them or the winners are read again", async () => {
    const columns = pricedLeadColumns(BUYER_MATCH_LEAD_FIELDS);
    let carried = 0;
    for (const buyer of await testDb.db.buyer.findMany()) {
      if (leadCandidatesRead(matchableBuyer(buyer), dialectOf(testDb.db), columns).carried) carried += 1;
      const whole = await findMatchingLeads(testDb.db, buyer, DEFAULT_DEAL_MATH_SETTINGS, 1_000);
      const lean = await findMatchingLeads(testDb.db, buyer, DEFAULT_DEAL_MATH_SETTINGS, 1_000, columns);
      const shown = (item: Record<string, unknown>) => Object.fromEntries(columns.map((column) => [column, item[column]]));
      expect({ buyer: buyer.id, matches: lean.map(({ item, score, reasons }) => ({ item: shown(item), score, reasons })) }).toEqual({ buyer: buyer.id, matches: whole.map(({ item, score, reasons }) => ({ item: shown(item), score, reasons })) });
    }
    // On SQLite the buyers of City and "City, ST" markets (or none) take the carried read, those with a ZIP the second read; PostgreSQL always reads again.
    if (dialectOf(testDb.db) === 'sqlite') expect(carried).toBeGreaterThan(10);
    expect(leadCandidatesRead(matchableBuyer({ ...buyers[0]!, markets: '["45402"]' }), 'sqlite', columns).carried).toBe(false);
    expect(leadCandidatesRead(matchableBuyer({ ...buyers[0]!, markets: '["Dayton, OH"]' }), 'sqlite', [...columns, 'sellerPhone']).carried).toBe(false);
  });

  it("keeps every lead's buyers exact as buyers change their box and standing, through the app's writes", async () => {
    const db = testDb.db;
    const live = (await db.lead.findMany({ where: { archivedAt: null } })).slice(0, 12);
    const [first, second, third, fourth, fifth] = buyers.filter((buyer) => buyer.archivedAt === null && buyer.status !== 'INACTIVE');
    await db.buyer.update({ where: { id: first!.id }, data: { maxPrice: 45_000, minBeds: 4 } });
    await db.buyer.update({ where: { id: second!.id }, data: { status: 'INACTIVE' } });
    await db.buyer.update({ where: { id: third!.id }, data: { archivedAt: new Date() } });
    await db.buyer.update({ where: { id: fourth!.id }, data: { cashBuyer: !fourth!.cashBuyer, pofVerifiedAt: new Date(), pofExpiresAt: null, minBaths: null, maxRepair: 5_000 } });
    await db.buyer.updateMany({ where: { id: fifth!.id }, data: { minPrice: null, maxPrice: null } });
    const inactive = buyers.find((buyer) => buyer.status === 'INACTIVE' && buyer.archivedAt === null)!;
    await db.buyer.update({ where: { id: inactive.id }, data: { status: 'ACTIVE' } });
    const changed = await db.buyer.findMany();
    let matched = 0;
    for (const lead of live) {
      const found = (await findMatchingBuyers(db, lead, DEFAULT_DEAL_MATH_SETTINGS, 1_000)).map(({ item, score, reasons }) => ({ id: item.id, score, reasons }));
      const expected = ruleMatchesOf(lead, changed).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
      expect({ lead: lead.id, buyers: found }).toEqual({ lead: lead.id, buyers: expected });
      matched += found.length;
    }
    expect(matched).toBeGreaterThan(10);
  });

  it('ranks the best match first', async () => {
    const lead = leads.find((row) => row.city === 'Dayton' && row.askingPrice !== null && row.archivedAt === null && row.status !== 'DEAD')!;
    const scores = (await findMatchingBuyers(testDb.db, lead, DEFAULT_DEAL_MATH_SETTINGS, 1_000)).map((match) => match.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});
