import type { LeadStatus } from '../leads/lead-statuses';

/** What accepting an offer depends on, read in the accepting transaction (db/writes/lock-offer-acceptance.ts). */
export interface OfferAcceptanceFacts {
  leadStatus: LeadStatus;
  leadArchived: boolean;
  /** Another offer of the same kind accepted in the lead's current contract (since it last left Under contract), or null. */
  acceptedOffer: { amount: number; buyerName: string | null } | null;
}
