import { OFFER_STATUS_LABELS } from '../labels/offer-labels';

// No zod here: the workflows import these, and every workflow run evaluates its modules again.
export const OFFER_STATUSES = ['DRAFT', 'SENT', 'COUNTERED', 'ACCEPTED', 'REJECTED', 'EXPIRED', 'WITHDRAWN'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
export const OPEN_OFFER_STATUSES: readonly OfferStatus[] = ['DRAFT', 'SENT', 'COUNTERED'];

export const OFFER_TRANSITIONS: Readonly<Record<OfferStatus, readonly OfferStatus[]>> = {
  DRAFT: ['SENT', 'WITHDRAWN'],
  SENT: ['COUNTERED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN', 'EXPIRED'],
  COUNTERED: ['SENT', 'ACCEPTED', 'REJECTED', 'WITHDRAWN', 'EXPIRED'],
  // The buyer of an accepted buyer's offer backed out (checkOfferMove: not a purchase offer's).
  ACCEPTED: ['WITHDRAWN'],
  REJECTED: [],
  EXPIRED: [],
  WITHDRAWN: [],
};

/** "An accepted offer", "A draft offer": a status inside a sentence. */
export const anOffer = (status: OfferStatus): string => {
  const word = OFFER_STATUS_LABELS[status].toLowerCase();
  return `${/^[aeiou]/.test(word) ? 'An' : 'A'} ${word} offer`;
};

export function checkOfferTransition(from: OfferStatus, to: OfferStatus): { ok: true } | { ok: false; reason: string } {
  if (from === to) return { ok: false, reason: `The offer is already ${OFFER_STATUS_LABELS[to].toLowerCase()}` };
  if (OFFER_TRANSITIONS[from].length === 0) return { ok: false, reason: `${anOffer(from)} is final` };
  if (from === 'ACCEPTED' && to !== 'WITHDRAWN') return { ok: false, reason: 'An accepted offer is final: if its buyer backed out, withdraw it' };
  if (to === 'EXPIRED') return { ok: false, reason: 'Offers expire by themselves at their expiry time' };
  if (!OFFER_TRANSITIONS[from].includes(to)) return { ok: false, reason: `${anOffer(from)} cannot become ${OFFER_STATUS_LABELS[to].toLowerCase()}` };
  return { ok: true };
}

type OfferKind = 'PURCHASE' | 'BUYER';

/** Why an accepted offer of a closed deal cannot be withdrawn. */
export const CLOSED_DEAL_OFFERS_FINAL = 'The deal is closed: its accepted offers stay as they closed';

/**
 * checkOfferTransition for an offer of `kind`: an accepted buyer's offer may be withdrawn (the buyer
 * backed out, and the deal is free for a backup buyer); an accepted purchase offer is the lead's
 * contract, which ends by moving the lead, not by the offer.
 */
export function checkOfferMove(kind: OfferKind, from: OfferStatus, to: OfferStatus): { ok: true } | { ok: false; reason: string } {
  const check = checkOfferTransition(from, to);
  if (!check.ok) return check;
  if (from === 'ACCEPTED' && kind === 'PURCHASE') {
    return { ok: false, reason: 'An accepted purchase offer is the lead\'s contract: if the seller backed out, move the lead back to offer made, which withdraws it' };
  }
  return check;
}
