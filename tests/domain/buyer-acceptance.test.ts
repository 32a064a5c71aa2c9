import type { LeadStatus } from '../../domain/leads/lead-statuses';
import { checkBuyerAcceptance } from '../../domain/offers/buyer-acceptance';

const facts = (leadStatus: LeadStatus, more: Partial<Parameters<typeof checkBuyerAcceptance>[0]> = {}) => ({ leadStatus, leadArchived: false, acceptedOffer: null, ...more });
const NOT_UNDER_CONTRACT = "The lead is not under contract yet: a buyer's offer is an offer on our contract, so put the lead under contract before accepting one";

describe('checkBuyerAcceptance', () => {
  it("a buyer's offer on a live lead under contract, with no buyer's offer accepted yet, can be accepted", () => {
    expect(checkBuyerAcceptance(facts('UNDER_CONTRACT'))).toEqual({ ok: true });
  });

  it.each([
    ['NEW', NOT_UNDER_CONTRACT],
    ['CONTACTED', NOT_UNDER_CONTRACT],
    ['QUALIFIED', NOT_UNDER_CONTRACT],
    ['OFFER_MADE', NOT_UNDER_CONTRACT],
    ['CLOSED', 'The lead is closed: its offers can no longer be accepted'],
    ['DEAD', 'The lead is dead: reopen it before accepting an offer on it'],
  ] as Array<[LeadStatus, string]>)("a buyer's offer on a lead at %s is refused in words", (status, reason) => {
    expect(checkBuyerAcceptance(facts(status))).toEqual({ ok: false, reason });
    expect(reason).not.toMatch(/\b[A-Z]{2,}(_[A-Z]+)*\b/);
  });

  it("a buyer's offer on an archived lead is refused, whatever its stage", () => {
    expect(checkBuyerAcceptance(facts('UNDER_CONTRACT', { leadArchived: true }))).toEqual({ ok: false, reason: 'The lead is archived: unarchive it before accepting an offer on it' });
  });

  it.each([
    [{ amount: 150_000, buyerName: 'Northcoast Holdings' }, 'The $150,000 offer from Northcoast Holdings is already accepted'],
    [{ amount: 84_500, buyerName: null }, 'The $84,500 offer is already accepted'],
  ])("a second buyer's offer on the lead is refused, naming the accepted one (%p) and what to do", (acceptedOffer, named) => {
    const check = checkBuyerAcceptance(facts('UNDER_CONTRACT', { acceptedOffer }));
    expect(check).toEqual({
      ok: false,
      reason: `${named} on this lead, and a lead's contract goes to one buyer. Reject or withdraw this offer, or withdraw the accepted one if its buyer backed out`,
    });
  });
});
