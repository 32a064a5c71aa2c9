import { checkLeadTransition } from '../../domain/leads/lead-status';
import type { LeadStatus } from '../../domain/leads/lead.schema';
import { checkPurchaseAcceptance, checkPurchaseAcceptanceAtWrite } from '../../domain/offers/purchase-acceptance';

jest.setTimeout(180_000);

describe('checkPurchaseAcceptance', () => {
  it.each([
    ['OFFER_MADE', false],
    ['QUALIFIED', true],
    ['CONTACTED', true],
  ] as Array<[LeadStatus, boolean]>)('a purchase offer on a lead at %s can be accepted (moves the lead to offer made first: %s)', (status, movesFirst) => {
    expect(checkPurchaseAcceptance(status)).toEqual({ ok: true, movesLeadToOfferMade: movesFirst });
    // Every move it makes is one the pipeline allows: to offer made, then under contract.
    if (movesFirst) expect(checkLeadTransition(status, 'OFFER_MADE')).toEqual({ ok: true });
    expect(checkLeadTransition('OFFER_MADE', 'UNDER_CONTRACT')).toEqual({ ok: true });
  });

  it.each([
    ['NEW', 'Talk to the seller before accepting this offer: the lead is still new. Move it to contacted or qualified first'],
    ['UNDER_CONTRACT', 'The lead is already under contract. Move it back to offer made to accept another purchase offer'],
    ['CLOSED', 'The lead is closed: its offers can no longer be accepted'],
    ['DEAD', 'The lead is dead: reopen it before accepting an offer on it'],
  ] as Array<[LeadStatus, string]>)('a purchase offer on a lead at %s is refused in words', (status, reason) => {
    expect(checkPurchaseAcceptance(status)).toEqual({ ok: false, reason });
    expect(reason).not.toMatch(/\b[A-Z]{2,}(_[A-Z]+)*\b/);
  });
});

describe('checkPurchaseAcceptanceAtWrite', () => {
  const facts = (leadStatus: LeadStatus, acceptedOffer: { amount: number; buyerName: string | null } | null = null) => ({ leadStatus, leadArchived: false, acceptedOffer });

  it.each(['CONTACTED', 'QUALIFIED', 'OFFER_MADE'] as LeadStatus[])('accepts on a lead at %s with no purchase offer accepted in its contract', (status) => {
    expect(checkPurchaseAcceptanceAtWrite(facts(status))).toEqual({ ok: true });
  });

  it('refuses by the stage first, as the workflow does', () => {
    expect(checkPurchaseAcceptanceAtWrite(facts('UNDER_CONTRACT', { amount: 80_000, buyerName: null }))).toEqual({ ok: false, reason: 'The lead is already under contract. Move it back to offer made to accept another purchase offer' });
  });

  it("refuses a second seller's offer while the first one's move under contract is on its way, naming it in words", () => {
    const check = checkPurchaseAcceptanceAtWrite(facts('OFFER_MADE', { amount: 82_500, buyerName: null }));
    expect(check).toEqual({
      ok: false,
      reason: "The $82,500 purchase offer is already accepted on this lead, and a lead goes under contract on one seller's offer. Reject or withdraw this offer, or move the lead back to offer made if that contract fell through",
    });
  });
});
