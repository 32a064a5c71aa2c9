import { checkLeadTransition } from '../../domain/leads/lead-status';
import type { LeadStatus } from '../../domain/leads/lead.schema';
import { checkPurchaseAcceptance } from '../../domain/offers/purchase-acceptance';

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
