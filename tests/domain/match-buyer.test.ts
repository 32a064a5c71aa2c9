import { bestScoreFor, fitScore, matchBuyer, matchScore, type MatchableBuyer, type MatchableLead } from '../../domain/buyers/match-buyer';

const buildLead = (overrides: Partial<MatchableLead> = {}): MatchableLead => ({
  city: 'Dayton',
  zip: '45402',
  propertyType: 'SFR',
  beds: 3,
  baths: 1.5,
  repairEstimate: 20_000,
  askingPrice: 90_000,
  mao: null,
  ...overrides,
});

const buildBuyer = (overrides: Partial<MatchableBuyer> = {}): MatchableBuyer => ({
  markets: ['Dayton'],
  propertyTypes: ['SFR'],
  minPrice: 50_000,
  maxPrice: 150_000,
  minBeds: 2,
  minBaths: null,
  maxRepair: 40_000,
  cashBuyer: false,
  proofOfFundsVerified: false,
  ...overrides,
});

describe('matchBuyer', () => {
  it('matches a lead inside the buy box and says why', () => {
    expect(matchBuyer(buildLead(), buildBuyer())).toEqual({
      matches: true,
      score: 80,
      reasons: ['in market (Dayton)', 'Single family wanted', 'price fits ($90,000)', '3 bd ≥ 2 bd wanted', 'repairs $20,000 within budget'],
    });
  });

  it('ranks cash buyers with verified proof of funds higher', () => {
    const result = matchBuyer(buildLead(), buildBuyer({ cashBuyer: true, proofOfFundsVerified: true }));
    expect(result).toMatchObject({ matches: true, score: 100 });
    expect(result.matches && result.reasons.slice(-2)).toEqual(['cash buyer', 'proof of funds verified']);
  });

  it('matches markets by ZIP and ignores case', () => {
    expect(matchBuyer(buildLead({ city: 'DAYTON' }), buildBuyer()).matches).toBe(true);
    expect(matchBuyer(buildLead({ city: 'Kettering', zip: '45402-1234' }), buildBuyer({ markets: ['45402'] })).matches).toBe(true);
  });

  it('uses the MAO as the price when there is no asking price', () => {
    expect(matchBuyer(buildLead({ askingPrice: null, mao: 200_000 }), buildBuyer())).toEqual({
      matches: false,
      misses: ['$200,000 is outside their $50,000–$150,000 range'],
    });
  });

  it.each([
    [{ city: 'Toledo', zip: '43604' }, {}, 'Toledo 43604 is outside their markets'],
    [{ propertyType: 'LAND' }, {}, 'LAND is not a type they buy'],
    [{ askingPrice: 40_000 }, {}, '$40,000 is outside their $50,000–$150,000 range'],
    [{ beds: 1 }, {}, '1 bd < 2 bd wanted'],
    [{ baths: 1 }, { minBaths: 2 }, '1 ba < 2 ba wanted'],
    [{ repairEstimate: 60_000 }, {}, 'repairs $60,000 > their $40,000 budget'],
  ] as Array<[Partial<MatchableLead>, Partial<MatchableBuyer>, string]>)('misses %p: %s', (lead, buyer, miss) => {
    expect(matchBuyer(buildLead(lead), buildBuyer(buyer))).toEqual({ matches: false, misses: [miss] });
  });

  it('treats an empty buy box as buying anything', () => {
    const open = buildBuyer({ markets: [], propertyTypes: [], minPrice: null, maxPrice: null, minBeds: null, maxRepair: null });
    expect(matchBuyer(buildLead({ city: 'Anywhere', propertyType: 'COMMERCIAL' }), open)).toMatchObject({ matches: true, score: 80 });
  });

  it('does not exclude a lead for what it does not know yet', () => {
    expect(matchBuyer(buildLead({ beds: null, repairEstimate: null }), buildBuyer())).toMatchObject({ matches: true });
  });
});

describe('matchScore', () => {
  // Each side's facts known, unknown and on either side of the other's bounds, markets as city, "City, ST" and ZIP.
  const leads: MatchableLead[] = [];
  for (const city of ['Dayton', 'Akron']) {
    for (const askingPrice of [null, 40_000, 90_000, 200_000]) {
      for (const beds of [null, 1, 3]) {
        for (const repairEstimate of [null, 20_000, 60_000]) {
          leads.push(buildLead({ city, state: 'OH', zip: city === 'Dayton' ? '45402-1234' : '44301', askingPrice, mao: askingPrice === null ? 95_000 : null, beds, repairEstimate, baths: beds === 1 ? 1 : 2 }));
        }
      }
    }
  }
  const buyers: MatchableBuyer[] = [];
  for (const markets of [[], ['Dayton'], ['dayton ,  oh'], ['45402'], ['Toledo']]) {
    for (const [minPrice, maxPrice] of [[null, null], [50_000, 150_000], [null, 80_000]]) {
      for (const flags of [0, 1, 2, 3]) {
        buyers.push(buildBuyer({ markets: Object.freeze([...markets]) as string[], minPrice, maxPrice, propertyTypes: flags === 2 ? ['LAND'] : ['SFR'], minBaths: flags === 1 ? 2 : null, cashBuyer: flags % 2 === 1, proofOfFundsVerified: flags >= 2 }));
      }
    }
  }

  it("gives matchBuyer's score to every pair it accepts and null to every pair it refuses", () => {
    const pairs = leads.flatMap((lead) => buyers.map((buyer) => ({ lead, buyer })));
    const expected = pairs.map(({ lead, buyer }) => matchBuyer(lead, buyer)).map((full) => (full.matches ? full.score : null));
    expect(pairs.map(({ lead, buyer }) => matchScore(lead, buyer))).toEqual(expected);
    const accepted = expected.filter((score) => score !== null).length;
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(leads.length * buyers.length);
  });

  it('gives every accepted pair the fit score of its price and the buyer\'s standing', () => {
    let accepted = 0;
    // Each lead also without any price: it fits on everything else and earns no budget points.
    for (const lead of leads.flatMap((priced) => [priced, { ...priced, askingPrice: null, mao: null }])) {
      for (const buyer of buyers) {
        const score = matchScore(lead, buyer);
        if (score === null) continue;
        accepted += 1;
        expect({ lead, buyer, score }).toEqual({ lead, buyer, score: fitScore((lead.askingPrice ?? lead.mao) !== null, buyer) });
      }
    }
    expect(accepted).toBeGreaterThan(200);
  });

  it('never scores a pair above the buyer\'s best score, and some lead reaches it for every buyer who buys any of them', () => {
    for (const buyer of buyers) {
      const scores = leads.map((lead) => matchScore(lead, buyer)).filter((score): score is number => score !== null);
      for (const score of scores) expect(score).toBeLessThanOrEqual(bestScoreFor(buyer));
      if (scores.length > 0) expect({ buyer, best: Math.max(...scores) }).toEqual({ buyer, best: bestScoreFor(buyer) });
    }
    // Neither, cash or proof of funds alone, both.
    expect([...new Set(buyers.map(bestScoreFor))].sort((a, b) => a - b)).toEqual([80, 90, 100]);
  });

  it('reads a changed market list afresh when the list can change', () => {
    const markets = ['Toledo'];
    const buyer = buildBuyer({ markets });
    expect(matchScore(buildLead(), buyer)).toBeNull();
    markets[0] = 'Dayton';
    expect(matchScore(buildLead(), buyer)).toBe(80);
  });
});
