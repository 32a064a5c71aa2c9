import { z } from 'zod';
import { DEAD_REASONS } from './lead-status';

export const LEAD_STATUSES = ['NEW', 'CONTACTED', 'QUALIFIED', 'OFFER_MADE', 'UNDER_CONTRACT', 'CLOSED', 'DEAD'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const PROPERTY_TYPES = ['SFR', 'MULTI_FAMILY', 'CONDO', 'TOWNHOUSE', 'LAND', 'MOBILE', 'COMMERCIAL'] as const;
export const LEAD_SOURCES = [
  'DIRECT_MAIL', 'COLD_CALL', 'SMS', 'PPC', 'SEO', 'REFERRAL', 'DRIVING_FOR_DOLLARS', 'LIST_IMPORT', 'OTHER',
] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .optional()
    .transform((value) => (value === '' ? undefined : value));

/** Digits with the usual separators, 7 to 15 digits in all (E.164 allows at most 15). */
export function isPhoneNumber(text: string): boolean {
  const digits = text.replace(/\D/g, '').length;
  return /^\+?[\d\s().-]+$/.test(text) && digits >= 7 && digits <= 15;
}

export const createLeadInputSchema = z.object({
  sellerName: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  sellerPhone: optionalText(40).refine((v) => v === undefined || isPhoneNumber(v), 'must be a phone number'),
  sellerEmail: optionalText(200).refine((v) => v === undefined || z.email().safeParse(v).success, 'must be an e-mail address'),
  street: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  city: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
  state: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter state code'),
  zip: z
    .string()
    .trim()
    .regex(/^\d{5}(-\d{4})?$/, 'must be a 5-digit ZIP code'),
  propertyType: z.enum(PROPERTY_TYPES).default('SFR'),
  askingPrice: z.number().int('must be whole dollars').min(0, 'must not be negative').max(1_000_000_000, 'is too large').optional(),
  source: z.enum(LEAD_SOURCES).default('OTHER'),
  ownerId: z.string().min(1).optional(),
});
export type CreateLeadInput = z.infer<typeof createLeadInputSchema>;

export const changeLeadStatusInputSchema = z.object({
  status: z.enum(LEAD_STATUSES),
  reason: z.enum(DEAD_REASONS).optional(),
});
export type ChangeLeadStatusInput = z.infer<typeof changeLeadStatusInputSchema>;

export const leadSchema = z.object({
  id: z.string(),
  sellerName: z.string(),
  sellerPhone: z.string().nullable(),
  sellerEmail: z.string().nullable(),
  street: z.string(),
  city: z.string(),
  state: z.string(),
  zip: z.string(),
  propertyType: z.enum(PROPERTY_TYPES),
  askingPrice: z.number().nullable(),
  source: z.enum(LEAD_SOURCES),
  status: z.enum(LEAD_STATUSES),
  ownerId: z.string(),
  contactedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Lead = z.infer<typeof leadSchema>;
