import type { LeadStatus } from '../leads/lead.schema';
import { dollars } from '../labels/dollars';
import type { OfferAcceptanceFacts } from './offer-acceptance-facts';

export type PurchaseAcceptanceCheck = { ok: true; movesLeadToOfferMade: boolean } | { ok: false; reason: string };

const REFUSALS: Partial<Record<LeadStatus, string>> = {
  NEW: 'Talk to the seller before accepting this offer: the lead is still new. Move it to contacted or qualified first',
  UNDER_CONTRACT: 'The lead is already under contract. Move it back to offer made to accept another purchase offer',
  CLOSED: 'The lead is closed: its offers can no longer be accepted',
  DEAD: 'The lead is dead: reopen it before accepting an offer on it',
};

/**
 * Whether a purchase offer may be accepted while its lead is at `leadStatus`. An accepted purchase
 * offer puts the lead under contract, which the pipeline allows only from Offer made: a lead at
 * Contacted or Qualified is moved to Offer made first; a new, contracted, closed or dead lead refuses.
 */
export function checkPurchaseAcceptance(leadStatus: LeadStatus): PurchaseAcceptanceCheck {
  const refusal = REFUSALS[leadStatus];
  if (refusal !== undefined) return { ok: false, reason: refusal };
  return { ok: true, movesLeadToOfferMade: leadStatus !== 'OFFER_MADE' };
}

/**
 * The same rule when the acceptance is written, with the lead held: the lead goes under contract
 * on one seller's offer, so another purchase offer accepted (and not withdrawn) refuses this one,
 * even while the lead's move to Under contract is still on its way (two offers accepted at once).
 */
export function checkPurchaseAcceptanceAtWrite({ leadStatus, acceptedOffer }: OfferAcceptanceFacts): { ok: true } | { ok: false; reason: string } {
  const stage = checkPurchaseAcceptance(leadStatus);
  if (!stage.ok) return stage;
  if (acceptedOffer !== null) {
    return {
      ok: false,
      reason: `The ${dollars(acceptedOffer.amount)} purchase offer is already accepted on this lead, and a lead goes under contract on one seller's offer. Reject or withdraw this offer, or move the lead back to offer made if that contract fell through`,
    };
  }
  return { ok: true };
}
