import { z } from 'zod';
import { isPhoneNumber, PROPERTY_TYPES } from '../leads/lead.schema';
import { isCrossed } from './buy-box-bounds';
import { marketProblem } from './buyer-market';
import { isoDateTime, listOf, moneySchema, optionalEmail, optionalText, pageQueryFields, queryInt } from '../validation/fields';
import { BUYER_STATUSES, BUYER_STRATEGIES } from './buyer-enums';
export { BUYER_STATUSES, BUYER_STRATEGIES, type BuyerStatus } from './buyer-enums';

const money = moneySchema;

const marketsSchema = z
  .array(z.string().trim().min(1, 'must not be empty').max(100))
  .max(200, 'at most 200 markets')
  .superRefine((markets, ctx) => {
    const problem = markets.map(marketProblem).find(Boolean);
    if (problem) ctx.addIssue({ code: 'custom', message: `must be 5-digit ZIP codes or cities with their state: ${problem}` });
  });

const buyBoxFields = {
  markets: marketsSchema.default([]),
  propertyTypes: z.array(z.enum(PROPERTY_TYPES)).default([]),
  strategies: z.array(z.enum(BUYER_STRATEGIES)).default([]),
  minPrice: money.optional(),
  maxPrice: money.optional(),
  minBeds: z.number().int('must be a whole number').min(0).max(50).optional(),
  minBaths: z.number().min(0).max(50).optional(),
  maxRepair: money.optional(),
};

/** Optional text a PATCH may clear: "" or null saves null (as a lead's phone and e-mail), absent leaves it. */
const clearableText = (max: number, rule?: { check: (text: string) => boolean; message: string }) => {
  const text = z.string().trim().max(max, `must be at most ${max} characters`);
  // Transformed before .optional(), so the key stays optional in UpdateBuyerInput.
  return (rule ? text.refine((value) => value === '' || rule.check(value), rule.message) : text)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();
};

// As a lead's seller phone: digits with the usual separators, 7 to 15 of them.
const PHONE_ERROR = 'must be a phone number';

const priceRangeIsOrdered = (box: { minPrice?: number | null; maxPrice?: number | null }) => !isCrossed(box.minPrice, box.maxPrice);
const PRICE_RANGE_ERROR = { message: 'must not be below the min price', path: ['maxPrice'] };

export const createBuyerInputSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
    company: optionalText(200),
    email: optionalEmail,
    phone: optionalText(40).refine((v) => v === undefined || isPhoneNumber(v), PHONE_ERROR),
    cashBuyer: z.boolean().default(false),
    proofOfFundsAmount: money.optional(),
    pofExpiresAt: isoDateTime().optional(),
    ...buyBoxFields,
    /** Save it even when a live buyer has the same e-mail (or phone digits). */
    allowDuplicate: z.boolean().optional(),
  })
  .refine(priceRangeIsOrdered, PRICE_RANGE_ERROR);
export type CreateBuyerInput = z.infer<typeof createBuyerInputSchema>;

/** "Update preferences": any buy-box field and the buyer's contact details. */
export const updateBuyerInputSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200).optional(),
    company: clearableText(200),
    email: clearableText(200, { check: (text) => z.email().safeParse(text).success, message: 'must be an e-mail address' }),
    phone: clearableText(40, { check: isPhoneNumber, message: PHONE_ERROR }),
    cashBuyer: z.boolean().optional(),
    proofOfFundsAmount: money.nullable().optional(),
    pofExpiresAt: isoDateTime().nullable().optional(),
    // Not buyBoxFields.markets: zod fills the default of a `.default([]).optional()` in, and a PATCH without markets emptied them.
    markets: marketsSchema.optional(),
    propertyTypes: z.array(z.enum(PROPERTY_TYPES)).optional(),
    strategies: z.array(z.enum(BUYER_STRATEGIES)).optional(),
    minPrice: money.nullable().optional(),
    maxPrice: money.nullable().optional(),
    minBeds: z.number().int('must be a whole number').min(0).max(50).nullable().optional(),
    minBaths: z.number().min(0).max(50).nullable().optional(),
    maxRepair: money.nullable().optional(),
  })
  // The status has its own route (the workflow's); any other field is refused by name, not dropped.
  .strict()
  .refine(priceRangeIsOrdered, PRICE_RANGE_ERROR);
export type UpdateBuyerInput = z.infer<typeof updateBuyerInputSchema>;

export const BUYER_LIST_FIELDS = ['name', 'company', 'email', 'phone', 'status', 'cashBuyer', 'proofOfFundsAmount', 'markets', 'propertyTypes', 'minPrice', 'maxPrice', 'createdAt'] as const;

export const listBuyersQuerySchema = z.object({
  status: z.enum(BUYER_STATUSES).optional(),
  cash: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  market: z.string().trim().min(1).optional(),
  propertyType: z.enum(PROPERTY_TYPES).optional(),
  price: queryInt(0, 1_000_000_000).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  sort: z.enum(['createdAt', '-createdAt', 'name', '-name', 'maxPrice', '-maxPrice']).default('-createdAt'),
  fields: listOf(BUYER_LIST_FIELDS, 'fields').optional(),
  ...pageQueryFields,
});
export type ListBuyersQuery = z.infer<typeof listBuyersQuerySchema>;

export const changeBuyerStatusInputSchema = z.object({ status: z.enum(BUYER_STATUSES) });

/** A buyer as the API answers it: contact details, proof of funds and buy box. */
export const buyerSchema = z.object({
  id: z.string(),
  name: z.string(),
  company: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(BUYER_STATUSES),
  cashBuyer: z.boolean(),
  proofOfFundsAmount: z.number().nullable(),
  pofVerifiedAt: z.string().nullable(),
  pofExpiresAt: z.string().nullable(),
  markets: z.array(z.string()),
  propertyTypes: z.array(z.enum(PROPERTY_TYPES)),
  strategies: z.array(z.enum(BUYER_STRATEGIES)),
  minPrice: z.number().nullable(),
  maxPrice: z.number().nullable(),
  minBeds: z.number().nullable(),
  minBaths: z.number().nullable(),
  maxRepair: z.number().nullable(),
  /** When the buyer followed an e-mail's unsubscribe link: no more e-mail goes to them. */
  emailOptOutAt: z.string().nullable(),
  /** Present once the buyer was merged into another (it is archived; its work is there). */
  mergedIntoId: z.string().optional(),
  /** Present while archived (hidden from lists and matching, its automation stopped). */
  archivedAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Buyer = z.infer<typeof buyerSchema>;
/** Every key of a buyer as the API answers it: what a `fields=` of buyers may name. */
export const BUYER_KEYS = Object.keys(buyerSchema.shape) as [keyof Buyer, ...Array<keyof Buyer>];

/** Markets are compared without case or spaces, "Dayton ,OH" as "dayton, oh", and ZIP+4 as its 5-digit ZIP. */
export function normalizeMarket(market: string): string {
  const trimmed = market.trim().toLowerCase().replace(/\s*,\s*/g, ', ');
  return /^\d{5}-\d{4}$/.test(trimmed) ? trimmed.slice(0, 5) : trimmed;
}
