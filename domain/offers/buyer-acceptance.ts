import type { LeadStatus } from '../leads/lead-statuses';

/** What accepting a buyer's offer depends on, read in the accepting transaction. */
export interface BuyerAcceptanceFacts {
  leadStatus: LeadStatus;
  leadArchived: boolean;
  /** The lead's buyer offer already accepted (another than this one), or null. */
  acceptedOffer: { amount: number; buyerName: string | null } | null;
}

export type BuyerAcceptanceCheck = { ok: true } | { ok: false; reason: string };

const dollars = (amount: number): string => `$${amount.toLocaleString('en-US')}`;

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
 * the lead must be under contract (not yet closed, not dead) and live, and the lead takes one
 * accepted buyer offer at a time, so the deal never changes buyer behind anyone's back.
 */
export function checkBuyerAcceptance({ leadStatus, leadArchived, acceptedOffer }: BuyerAcceptanceFacts): BuyerAcceptanceCheck {
  if (leadArchived) return { ok: false, reason: 'The lead is archived: unarchive it before accepting an offer on it' };
  if (leadStatus !== 'UNDER_CONTRACT') return { ok: false, reason: REFUSALS[leadStatus] };
  if (acceptedOffer !== null) {
    const named = acceptedOffer.buyerName === null ? `The ${dollars(acceptedOffer.amount)} offer` : `The ${dollars(acceptedOffer.amount)} offer from ${acceptedOffer.buyerName}`;
    return {
      ok: false,
      reason: `${named} is already accepted on this lead, and a lead's contract goes to one buyer. An accepted offer is final: reject or withdraw this offer instead`,
    };
  }
  return { ok: true };
}
