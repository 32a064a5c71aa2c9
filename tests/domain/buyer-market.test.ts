import { describeMarkets, marketProblem, splitMarkets } from '../../domain/buyers/buyer-market';
import { createBuyerInputSchema, normalizeMarket } from '../../domain/buyers/buyer.schema';
import { matchBuyer } from '../../domain/buyers/match-buyer';
import { METROS } from '../../scripts/volume/markets';

jest.setTimeout(180_000);

describe('buyer markets', () => {
  it.each(['45402', 'Dayton, OH', 'dayton, oh', ' Dayton ,OH ', 'St. Louis, MO', "Coeur d'Alene, ID", 'Winston-Salem, NC', 'San Juan, PR'])('accepts %s', (market) => {
    expect(marketProblem(market)).toBeUndefined();
  });

  it.each([
    ['4540Z', '"4540Z" is not a 5-digit ZIP code'],
    // A bare city is refused: there are Daytons in several states.
    ['Dayton', '"Dayton" needs its state, like "Dayton, OH"'],
    ['Kettering', '"Kettering" needs its state, like "Kettering, OH"'],
    // A ZIP+4 is one side of a street, not a market: it points at its 5-digit ZIP instead of quietly becoming it.
    ['45402-1234', '"45402-1234" is a ZIP+4: enter the 5-digit ZIP code 45402'],
    ['45402-12', '"45402-12" is not a 5-digit ZIP code'],
    ['4540', '"4540" is not a 5-digit ZIP code'],
    ['454021', '"454021" is not a 5-digit ZIP code'],
    ['Dayton, XX', '"Dayton, XX" does not end in a US state code like OH'],
    ['Dayton, Ohio', '"Dayton, Ohio" does not end in a US state code like OH'],
    ['Dayton45', '"Dayton45" is not a ZIP code or a city like "Dayton, OH"'],
    ['Dayton, OH, US', '"Dayton, OH, US" is not a ZIP code or a city like "Dayton, OH"'],
  ])('refuses %s', (market, problem) => {
    expect(marketProblem(market)).toBe(problem);
  });

  it.each([
    ['Dayton, OH, 45402, Kettering', ['Dayton, OH', '45402', 'Kettering']],
    ['Dayton, 45402', ['Dayton', '45402']],
    ['dayton, oh , Columbus,OH', ['dayton, OH', 'Columbus, OH']],
    ['', []],
  ])('reads the box %p as markets', (text, markets) => {
    expect(splitMarkets(text)).toEqual(markets);
  });

  it('refuses a buyer with a bad market, naming markets', () => {
    const result = createBuyerInputSchema.safeParse({ name: 'B', markets: ['Dayton, OH', '4540Z'] });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['markets'], message: 'must be 5-digit ZIP codes or cities with their state: "4540Z" is not a 5-digit ZIP code' })]);
  });

  it('accepts every market the volume seed gives its buyers ("Dayton, OH" from each metro)', () => {
    expect(METROS.map(([city, state]) => marketProblem(`${city}, ${state}`)).filter(Boolean)).toEqual([]);
  });

  it('matches a "City, ST" market on the lead city and state', () => {
    expect(normalizeMarket(' Dayton ,OH ')).toBe('dayton, oh');
    const lead = { city: 'Dayton', state: 'OH', zip: '45402', propertyType: 'SFR', beds: null, baths: null, repairEstimate: null, askingPrice: 90_000, mao: null };
    const buyer = { markets: ['Dayton, OH'], propertyTypes: [], minPrice: null, maxPrice: null, minBeds: null, minBaths: null, maxRepair: null, cashBuyer: false, proofOfFundsVerified: false };
    expect(matchBuyer(lead, buyer).matches).toBe(true);
    expect(matchBuyer({ ...lead, state: 'KY' }, buyer).matches).toBe(false);
  });

  it('reads markets apart on a page, where the commas of "City, ST" would run them together', () => {
    expect(describeMarkets(['Cleveland, OH', 'Toledo, OH', '45402'])).toBe('Cleveland,\u00a0OH · Toledo,\u00a0OH · 45402');
    expect(describeMarkets([])).toBe('');
  });
});
