import { z } from 'zod';
import { listOf, pageQueryFields } from '../validation/fields';

export const OFFER_KINDS = ['PURCHASE', 'BUYER'] as const;
export const OFFER_STATUSES = ['DRAFT', 'SENT', 'COUNTERED', 'ACCEPTED', 'REJECTED', 'EXPIRED', 'WITHDRAWN'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
export const OPEN_OFFER_STATUSES: readonly OfferStatus[] = ['DRAFT', 'SENT', 'COUNTERED'];

export const createOfferInputSchema = z
  .object({
    leadId: z.string().min(1, 'is required'),
    buyerId: z.string().min(1).optional(),
    kind: z.enum(OFFER_KINDS),
    amount: z.number().int('must be whole dollars').min(1, 'must be positive').max(1_000_000_000, 'is too large'),
    terms: z.string().trim().max(5_000, 'must be at most 5000 characters').optional(),
    expiresAt: z.iso.datetime({ offset: true, message: 'must be an ISO date-time' }).optional(),
    /** Create as a DRAFT, or SENT straight away. */
    status: z.enum(['DRAFT', 'SENT']).default('DRAFT'),
  })
  .refine((offer) => offer.kind !== 'BUYER' || offer.buyerId !== undefined, { message: 'is required for a BUYER offer', path: ['buyerId'] });
export type CreateOfferInput = z.infer<typeof createOfferInputSchema>;

/** Amount and terms change while the offer is negotiable (DRAFT, SENT, COUNTERED). */
export const updateOfferInputSchema = z
  .object({
    amount: z.number().int('must be whole dollars').min(1, 'must be positive').max(1_000_000_000, 'is too large').optional(),
    terms: z.string().trim().max(5_000, 'must be at most 5000 characters').nullable().optional(),
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

export const changeOfferStatusInputSchema = z.object({ status: z.enum(OFFER_STATUSES) });

export const listOffersQuerySchema = z.object({
  leadId: z.string().min(1).optional(),
  buyerId: z.string().min(1).optional(),
  status: z.enum(OFFER_STATUSES).optional(),
  fields: listOf(['leadId', 'buyerId', 'kind', 'amount', 'status', 'expiresAt', 'createdAt'] as const, 'fields').optional(),
  ...pageQueryFields,
});

/** Offer moves: a draft is sent or withdrawn; a live offer is countered, accepted, rejected, withdrawn or expires. */
export const OFFER_TRANSITIONS: Readonly<Record<OfferStatus, readonly OfferStatus[]>> = {
  DRAFT: ['SENT', 'WITHDRAWN'],
  SENT: ['COUNTERED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN', 'EXPIRED'],
  COUNTERED: ['SENT', 'ACCEPTED', 'REJECTED', 'WITHDRAWN', 'EXPIRED'],
  ACCEPTED: [],
  REJECTED: [],
  EXPIRED: [],
  WITHDRAWN: [],
};

export function checkOfferTransition(from: OfferStatus, to: OfferStatus): { ok: true } | { ok: false; reason: string } {
  if (from === to) return { ok: false, reason: `The offer is already ${to}` };
  if (OFFER_TRANSITIONS[from].length === 0) return { ok: false, reason: `A ${from} offer is final` };
  if (to === 'EXPIRED') return { ok: false, reason: 'Offers expire by themselves at their expiry time' };
  if (!OFFER_TRANSITIONS[from].includes(to)) return { ok: false, reason: `A ${from} offer cannot become ${to}` };
  return { ok: true };
}
