import type { OFFER_KINDS, OFFER_STATUSES } from '../offers/offer.schema';

export const OFFER_KIND_LABELS: Record<(typeof OFFER_KINDS)[number], string> = { PURCHASE: 'Purchase', BUYER: 'Buyer' };

export const OFFER_STATUS_LABELS: Record<(typeof OFFER_STATUSES)[number], string> = {
  DRAFT: 'Draft',
  SENT: 'Sent',
  COUNTERED: 'Countered',
  ACCEPTED: 'Accepted',
  REJECTED: 'Rejected',
  EXPIRED: 'Expired',
  WITHDRAWN: 'Withdrawn',
};

/** The button that moves an offer to a status: what the person does ("Mark as sent"), not the status ("Sent"). */
export const OFFER_MOVE_LABELS: Record<(typeof OFFER_STATUSES)[number], string> = {
  DRAFT: 'Back to draft',
  SENT: 'Mark as sent',
  COUNTERED: 'Mark countered',
  ACCEPTED: 'Mark accepted',
  REJECTED: 'Mark rejected',
  EXPIRED: 'Mark expired',
  WITHDRAWN: 'Withdraw',
};
