import type { LeadStatus } from '../leads/lead-statuses';
import { dollars } from '../labels/dollars';
import type { OfferAcceptanceFacts } from './offer-acceptance-facts';

export type BuyerAcceptanceCheck = { ok: true } | { ok: false; reason: string };

const NOT_UNDER_CONTRACT = "The lead is not under contract yet: a buyer's offer is an offer on our contract, so put the lead under contract before accepting one";

const REFUSALS: Record<Exclude<LeadStatus, 'UNDER_CONTRACT'>, string> = {
  NEW: NOT_UNDER_CONTRACT,
  CONTACTED: NOT_UNDER_CONTRACT,
  QUALIFIED: NOT_UNDER_CONTRACT,
  OFFER_MADE: NOT_UNDER_CONTRACT,
  CLOSED: 'The lead is closed: its offers can no longer be accepted',
  DEAD: 'The lead is dead: reopen it before accepting an offer on it',
};

/**
 * Whether a buyer's offer may be accepted. A buyer's offer is an offer on our contract (the
 * spec's Offer kinds), and accepting it names the buyer and the sale price on the lead's deal: so
 * the lead must be under contract (not yet closed, not dead) and live, and it takes one accepted
 * buyer offer at a time, so the deal never changes buyer behind anyone's back. That offer withdrawn
 * (its buyer backed out, or the contract fell through) frees the lead for another buyer.
 */
export function checkBuyerAcceptance({ leadStatus, leadArchived, acceptedOffer }: OfferAcceptanceFacts): BuyerAcceptanceCheck {
  if (leadArchived) return { ok: false, reason: 'The lead is archived: unarchive it before accepting an offer on it' };
  if (leadStatus !== 'UNDER_CONTRACT') return { ok: false, reason: REFUSALS[leadStatus] };
  if (acceptedOffer !== null) {
    const named = acceptedOffer.buyerName === null ? `The ${dollars(acceptedOffer.amount)} offer` : `The ${dollars(acceptedOffer.amount)} offer from ${acceptedOffer.buyerName}`;
    return {
      ok: false,
      reason: `${named} is already accepted on this lead, and a lead's contract goes to one buyer. Reject or withdraw this offer, or withdraw the accepted one if its buyer backed out`,
    };
  }
  return { ok: true };
}
