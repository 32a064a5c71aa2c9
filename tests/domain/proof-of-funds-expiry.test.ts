import { PAST_PROOF_OF_FUNDS_ERROR, proofOfFundsExpiry, proofOfFundsExpiryProblem } from '../../domain/documents/proof-of-funds-expiry';

const NOW = new Date('2026-06-01T12:00:00Z');
const LATER = new Date('2026-12-06T12:00:00Z');

describe('proofOfFundsExpiry', () => {
  it.each([
    ['a proof of funds on a buyer that expires', { kind: 'PROOF_OF_FUNDS', buyerId: 'b1', expiresAt: LATER }, { buyerId: 'b1', expiresAt: LATER }],
    ['a proof of funds on a buyer without an expiry', { kind: 'PROOF_OF_FUNDS', buyerId: 'b1', expiresAt: null }, null],
    ['a proof of funds on a lead', { kind: 'PROOF_OF_FUNDS', buyerId: null, expiresAt: LATER }, null],
    ['another kind on a buyer', { kind: 'OTHER', buyerId: 'b1', expiresAt: LATER }, null],
  ])("%s sets the buyer's expiry: %p", (_what, doc, expected) => {
    expect(proofOfFundsExpiry(doc)).toEqual(expected);
  });
});

describe('proofOfFundsExpiryProblem', () => {
  it.each([
    ['a later date', LATER, null],
    ['now', NOW, PAST_PROOF_OF_FUNDS_ERROR],
    ['a past date', new Date('2020-01-01T00:00:00Z'), PAST_PROOF_OF_FUNDS_ERROR],
  ])('%s: %p', (_what, expiresAt, problem) => {
    expect(proofOfFundsExpiryProblem(expiresAt, NOW)).toBe(problem);
  });
});
