import type { Buyer, UpdateBuyerInput } from '../../domain/buyers/buyer.schema';
import { changedBuyerFields } from '../../domain/buyers/changed-buyer-fields';

const buildBuyer = (overrides: Partial<Buyer> = {}): Buyer => ({
  id: 'b1',
  name: 'Oak Capital',
  company: null,
  email: 'deals@oak.test',
  phone: null,
  status: 'NEW',
  cashBuyer: true,
  proofOfFundsAmount: null,
  pofVerifiedAt: null,
  pofExpiresAt: '2031-07-05T03:59:59.999Z',
  markets: ['Dayton, OH', '45402'],
  propertyTypes: ['SFR'],
  strategies: [],
  minPrice: 50_000,
  maxPrice: 150_000,
  minBeds: null,
  minBaths: null,
  maxRepair: null,
  emailOptOutAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

describe('changedBuyerFields', () => {
  it.each<[string, UpdateBuyerInput, UpdateBuyerInput]>([
    ['nothing sent', {}, {}],
    ['every field as saved (what the form sends unedited)', { name: 'Oak Capital', company: null, email: 'deals@oak.test', phone: null, cashBuyer: true, markets: ['Dayton, OH', '45402'], propertyTypes: ['SFR'], strategies: [], minPrice: 50_000, maxPrice: 150_000, minBeds: null, maxRepair: null, proofOfFundsAmount: null }, {}],
    ['the saved expiry written with an offset', { pofExpiresAt: '2031-07-04T23:59:59.999-04:00' }, {}],
    ['another expiry', { pofExpiresAt: '2031-07-06T03:59:59.999Z' }, { pofExpiresAt: '2031-07-06T03:59:59.999Z' }],
    ['a cleared company and e-mail', { company: null, email: null }, { email: null }],
    ['one more market', { markets: ['Dayton, OH', '45402', 'Xenia, OH'] }, { markets: ['Dayton, OH', '45402', 'Xenia, OH'] }],
    ['a new max price beside the same min', { minPrice: 50_000, maxPrice: 90_000 }, { maxPrice: 90_000 }],
    ['a bound cleared', { minPrice: null }, { minPrice: null }],
    ['cash buyer unticked', { cashBuyer: false }, { cashBuyer: false }],
  ])('%s', (_label, input, changed) => {
    expect(changedBuyerFields(buildBuyer(), input)).toEqual(changed);
  });
});
