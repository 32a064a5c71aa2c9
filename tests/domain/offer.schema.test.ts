import { checkOfferTransition, createOfferInputSchema, type OfferStatus } from '../../domain/offers/offer.schema';

describe('checkOfferTransition', () => {
  it.each([
    ['DRAFT', 'SENT'],
    ['SENT', 'ACCEPTED'],
    ['SENT', 'COUNTERED'],
    ['COUNTERED', 'SENT'],
    ['COUNTERED', 'REJECTED'],
    ['DRAFT', 'WITHDRAWN'],
  ] as Array<[OfferStatus, OfferStatus]>)('allows %s → %s', (from, to) => {
    expect(checkOfferTransition(from, to)).toEqual({ ok: true });
  });

  it.each([
    ['ACCEPTED', 'REJECTED', 'An accepted offer is final'],
    ['DRAFT', 'ACCEPTED', 'A draft offer cannot become accepted'],
    ['SENT', 'EXPIRED', 'Offers expire by themselves at their expiry time'],
    ['SENT', 'SENT', 'The offer is already sent'],
  ] as Array<[OfferStatus, OfferStatus, string]>)('refuses %s → %s', (from, to, reason) => {
    expect(checkOfferTransition(from, to)).toEqual({ ok: false, reason });
  });
});

describe('createOfferInputSchema', () => {
  it('needs a buyer for a BUYER offer', () => {
    const result = createOfferInputSchema.safeParse({ leadId: 'l1', kind: 'BUYER', amount: 90_000 });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['buyerId', 'Choose the buyer this offer goes to']]);
  });

  it('refuses a buyer on a PURCHASE offer, naming buyerId: it is our offer to the seller', () => {
    const result = createOfferInputSchema.safeParse({ leadId: 'l1', kind: 'PURCHASE', buyerId: 'b1', amount: 90_000 });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['buyerId', 'A purchase offer goes to the seller: it takes no buyer']]);
  });

  it('starts as a DRAFT unless sent', () => {
    expect(createOfferInputSchema.parse({ leadId: 'l1', kind: 'PURCHASE', amount: 80_000 }).status).toBe('DRAFT');
  });
});
