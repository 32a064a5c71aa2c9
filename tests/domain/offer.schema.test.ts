import { checkOfferMove, checkOfferTransition, createOfferInputSchema, type OfferStatus } from '../../domain/offers/offer.schema';

describe('checkOfferTransition', () => {
  it.each([
    ['DRAFT', 'SENT'],
    ['SENT', 'ACCEPTED'],
    ['SENT', 'COUNTERED'],
    ['COUNTERED', 'SENT'],
    ['COUNTERED', 'REJECTED'],
    ['DRAFT', 'WITHDRAWN'],
    ['ACCEPTED', 'WITHDRAWN'],
  ] as Array<[OfferStatus, OfferStatus]>)('allows %s → %s', (from, to) => {
    expect(checkOfferTransition(from, to)).toEqual({ ok: true });
  });

  it.each([
    ['ACCEPTED', 'REJECTED', 'An accepted offer is final: if its buyer backed out, withdraw it'],
    ['REJECTED', 'WITHDRAWN', 'A rejected offer is final'],
    ['DRAFT', 'ACCEPTED', 'A draft offer cannot become accepted'],
    ['SENT', 'EXPIRED', 'Offers expire by themselves at their expiry time'],
    ['SENT', 'SENT', 'The offer is already sent'],
  ] as Array<[OfferStatus, OfferStatus, string]>)('refuses %s → %s', (from, to, reason) => {
    expect(checkOfferTransition(from, to)).toEqual({ ok: false, reason });
  });
});

describe('checkOfferMove', () => {
  it("lets an accepted buyer's offer be withdrawn (its buyer backed out), not an accepted purchase offer (the lead's contract)", () => {
    expect(checkOfferMove('BUYER', 'ACCEPTED', 'WITHDRAWN')).toEqual({ ok: true });
    expect(checkOfferMove('PURCHASE', 'ACCEPTED', 'WITHDRAWN')).toEqual({
      ok: false,
      reason: "An accepted purchase offer is the lead's contract: if the seller backed out, move the lead back to offer made, which withdraws it",
    });
  });

  it('follows checkOfferTransition otherwise, for both kinds', () => {
    for (const kind of ['BUYER', 'PURCHASE'] as const) {
      expect(checkOfferMove(kind, 'SENT', 'ACCEPTED')).toEqual({ ok: true });
      expect(checkOfferMove(kind, 'ACCEPTED', 'REJECTED')).toEqual(checkOfferTransition('ACCEPTED', 'REJECTED'));
    }
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
