import { boundProblems, crossedBoundsInWords } from '../../domain/buyers/buy-box-bounds';

describe('boundProblems', () => {
  type Box = { minPrice?: number | null; maxPrice?: number | null };
  it.each<[string, Box, Box, Record<string, string>]>([
    ['a max below the saved min names the max', { minPrice: 200_000, maxPrice: null }, { maxPrice: 100_000 }, { maxPrice: 'must not be below the min price' }],
    ['a min above the saved max names the min', { minPrice: null, maxPrice: 100_000 }, { minPrice: 200_000 }, { minPrice: 'must not be above the max price' }],
    ['both set and crossed names the max', {}, { minPrice: 2, maxPrice: 1 }, { maxPrice: 'must not be below the min price' }],
    ['a min equal to the max is fine', { maxPrice: 100 }, { minPrice: 100 }, {}],
    ['clearing the max uncrosses', { minPrice: 200, maxPrice: 100 }, { maxPrice: null }, {}],
    ['a saved crossed pair the change leaves alone names nothing', { minPrice: 200, maxPrice: 100 }, {}, {}],
    ['raising the saved max over the saved min fixes it', { minPrice: 200, maxPrice: 100 }, { maxPrice: 300 }, {}],
    ['a min still above the saved max names the min', { minPrice: 200, maxPrice: 100 }, { minPrice: 150 }, { minPrice: 'must not be above the max price' }],
  ])('%s', (_label, saved, change, problems) => {
    expect(boundProblems(saved, change)).toEqual(problems);
  });
});

describe('crossedBoundsInWords', () => {
  it('says which saved pair is crossed, with its amounts, and nothing for a box that can match', () => {
    expect(crossedBoundsInWords({ minPrice: 200_000, maxPrice: 100_000 })).toEqual(['the min price $200,000 is above the max price $100,000']);
    expect(crossedBoundsInWords({ minPrice: 100_000, maxPrice: 100_000 })).toEqual([]);
    expect(crossedBoundsInWords({ minPrice: 200_000, maxPrice: null })).toEqual([]);
  });
});
