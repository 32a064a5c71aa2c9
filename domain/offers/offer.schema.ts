import { z } from 'zod';
import { clearableText, isoDateTime, listOf, optionalText, pageQueryFields } from '../validation/fields';
import { OFFER_STATUSES } from './offer-transitions';
import { OFFER_KINDS } from './offer-kinds';
export { OFFER_KINDS } from './offer-kinds';

export { anOffer, checkOfferMove, CLOSED_DEAL_OFFERS_FINAL, checkOfferTransition, OFFER_STATUSES, OFFER_TRANSITIONS, OPEN_OFFER_STATUSES, type OfferStatus } from './offer-transitions';

// Said to the person filling in the offer form as well as to API clients.
const amountField = z
  .number({ error: (issue) => (issue.input === undefined ? 'Enter the offer amount' : 'Enter the offer amount in dollars, like 95,000') })
  .int('Enter the offer amount in whole dollars')
  .min(1, 'Enter an offer amount above $0')
  .max(1_000_000_000, 'Enter an offer amount below $1,000,000,000');

export const createOfferInputSchema = z
  .object({
    leadId: z.string().min(1, 'is required'),
    buyerId: z.string().min(1).optional(),
    kind: z.enum(OFFER_KINDS),
    amount: amountField,
    terms: optionalText(5_000),
    expiresAt: isoDateTime().optional(),
    /** Create as a DRAFT, or SENT straight away. */
    status: z.enum(['DRAFT', 'SENT']).default('DRAFT'),
  })
  .refine((offer) => offer.kind !== 'BUYER' || offer.buyerId !== undefined, { message: 'Choose the buyer this offer goes to', path: ['buyerId'] })
  // A purchase offer is ours to the seller: a buyer on it would read as a buyer's offer in lists and the deal.
  .refine((offer) => offer.kind !== 'PURCHASE' || offer.buyerId === undefined, { message: 'A purchase offer goes to the seller: it takes no buyer', path: ['buyerId'] });
export type CreateOfferInput = z.infer<typeof createOfferInputSchema>;

/** Amount and terms change while the offer is negotiable (DRAFT, SENT, COUNTERED). */
export const updateOfferInputSchema = z
  .object({
    amount: amountField.optional(),
    terms: clearableText(5_000),
  })
  .strict();
export type UpdateOfferInput = z.infer<typeof updateOfferInputSchema>;

export const offerSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  buyerId: z.string().nullable(),
  kind: z.enum(OFFER_KINDS),
  amount: z.number(),
  terms: z.string().nullable(),
  expiresAt: z.string().nullable(),
  status: z.enum(OFFER_STATUSES),
  createdById: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Offer = z.infer<typeof offerSchema>;

/** An offer in a list: the offer and the name of the buyer it is made to (a buyer offer), so a row names them. */
export const offerListItemSchema = offerSchema.extend({ buyerName: z.string().nullable() });
export type OfferListItem = z.infer<typeof offerListItemSchema>;

export const changeOfferStatusInputSchema = z.object({ status: z.enum(OFFER_STATUSES) });

export const listOffersQuerySchema = z.object({
  leadId: z.string().min(1).optional(),
  buyerId: z.string().min(1).optional(),
  status: z.enum(OFFER_STATUSES).optional(),
  fields: listOf(['leadId', 'buyerId', 'buyerName', 'kind', 'amount', 'status', 'expiresAt', 'createdAt'] as const, 'fields').optional(),
  ...pageQueryFields,
});
export type ListOffersQuery = z.infer<typeof listOffersQuerySchema>;

/** Offer moves: a draft is sent or withdrawn; a live offer is countered, accepted, rejected, withdrawn or expires. */
