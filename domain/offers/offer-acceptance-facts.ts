import type { LeadStatus } from '../leads/lead-statuses';

/** What accepting an offer depends on, read in the accepting transaction (db/writes/lock-offer-acceptance.ts). */
export interface OfferAcceptanceFacts {
  leadStatus: LeadStatus;
  leadArchived: boolean;
  /** Another offer of the same kind accepted and not withdrawn, or null. */
  acceptedOffer: { amount: number; buyerName: string | null } | null;
}
