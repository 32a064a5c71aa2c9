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
