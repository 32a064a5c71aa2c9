import { z } from 'zod';
import { SCORE_PART_KEYS, type ScorePart } from './lead-score';
import { listOf, optionalEmail, optionalText, pageQueryFields, queryInt } from '../validation/fields';
import { DEAD_REASONS, LEAD_STATUSES } from './lead-statuses';
import { LEAD_SOURCES, PROPERTY_TYPES } from './lead-enums';
import { US_STATE_CODES } from '../places/us-states';
import { distinctTags } from './distinct-tags';

export { DEAD_REASONS, LEAD_STATUSES, type DeadReason, type LeadStatus } from './lead-statuses';
export { LEAD_SOURCES, PROPERTY_TYPES, type LeadSource } from './lead-enums';

const scorePartSchema = z.object({
  key: z.enum(SCORE_PART_KEYS),
  points: z.number(),
  reason: z.string(),
}) satisfies z.ZodType<ScorePart>;

/** Digits with the usual separators, 7 to 15 digits in all (E.164 allows at most 15). */
export function isPhoneNumber(text: string): boolean {
  const digits = text.replace(/\D/g, '').length;
  return /^\+?[\d\s().-]+$/.test(text) && digits >= 7 && digits <= 15;
}

/** A property's details and the seller's motivation, optional on a new lead as on an edit (null clears one). */
const leadDetailFields = {
  beds: z.number().int('must be a whole number').min(0, 'must not be negative').max(100, 'must be at most 100').nullable().optional(),
  baths: z.number().min(0, 'must not be negative').max(100, 'must be at most 100').nullable().optional(),
  sqft: z.number().int('must be a whole number').min(0, 'must not be negative').max(1_000_000, 'must be at most 1,000,000').nullable().optional(),
  yearBuilt: z.number().int('must be a whole number').min(1700, 'must be 1700 or later').max(2100, 'must be 2100 or earlier').nullable().optional(),
  arv: z.number().int('must be whole dollars').min(0, 'must not be negative').max(1_000_000_000, 'must be at most $1,000,000,000').nullable().optional(),
  repairEstimate: z.number().int('must be whole dollars').min(0, 'must not be negative').max(1_000_000_000).nullable().optional(),
  motivation: z.number().int('must be a whole number').min(1, 'must be 1 to 5').max(5, 'must be 1 to 5').nullable().optional(),
  tags: z.array(z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters')).max(30, 'at most 30 tags').transform(distinctTags).optional(),
};

/** A US state's (or territory's) two-letter code, in any case. */
const usStateCodeField = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'must be a two-letter state code')
  // Only two letters can be a code: anything else has the message above alone.
  .refine((code) => !/^[A-Z]{2}$/.test(code) || US_STATE_CODES.includes(code), 'must be the code of a US state or territory');

export const createLeadInputSchema = z
  .object({
    sellerName: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
    sellerPhone: optionalText(40).refine((v) => v === undefined || isPhoneNumber(v), 'must be a phone number'),
    sellerEmail: optionalEmail,
    street: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
    city: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
    state: usStateCodeField,
    zip: z
      .string()
      .trim()
      .regex(/^\d{5}(-\d{4})?$/, 'must be a 5-digit ZIP code'),
    propertyType: z.enum(PROPERTY_TYPES).default('SFR'),
    askingPrice: z.number().int('must be whole dollars').min(0, 'must not be negative').max(1_000_000_000, 'must be at most $1,000,000,000').optional(),
    source: z.enum(LEAD_SOURCES).default('OTHER'),
    ownerId: z.string().min(1).optional(),
    ...leadDetailFields,
    /** Save it even when a live lead has the same address key (the form's "Create anyway"). */
    allowDuplicate: z.boolean().optional(),
  })
  .strict();
export type CreateLeadInput = z.infer<typeof createLeadInputSchema>;

/** Editing plain fields; the status moves only through POST /api/leads/:id/status. */
export const updateLeadInputSchema = z
  .object({
    sellerName: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
    sellerPhone: z.string().trim().max(40).refine((v) => v === '' || isPhoneNumber(v), 'must be a phone number').nullable().optional(),
    sellerEmail: z.string().trim().max(200).refine((v) => v === '' || z.email().safeParse(v).success, 'must be an e-mail address').nullable().optional(),
    street: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
    city: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').optional(),
    state: usStateCodeField.optional(),
    zip: z.string().trim().regex(/^\d{5}(-\d{4})?$/, 'must be a 5-digit ZIP code').optional(),
    propertyType: z.enum(PROPERTY_TYPES).optional(),
    askingPrice: z.number().int('must be whole dollars').min(0, 'must not be negative').max(1_000_000_000, 'must be at most $1,000,000,000').nullable().optional(),
    source: z.enum(LEAD_SOURCES).optional(),
    ...leadDetailFields,
    ownerId: z.string().min(1).optional(),
  })
  .strict();
export type UpdateLeadInput = z.infer<typeof updateLeadInputSchema>;

export const LEAD_SORTS = ['createdAt', '-createdAt', 'askingPrice', '-askingPrice', 'sellerName', '-sellerName', 'city', '-city', 'status', '-status', 'nextFollowUpAt', '-nextFollowUpAt', 'score', '-score'] as const;

export const changeLeadStatusInputSchema = z.object({
  status: z.enum(LEAD_STATUSES),
  reason: z.enum(DEAD_REASONS).optional(),
});
export type ChangeLeadStatusInput = z.infer<typeof changeLeadStatusInputSchema>;

/** What a list import knew beyond the lead's own fields: every phone the list gave (type, Do-Not-Call), the owner's mailing address, and the parcel's facts. */
export const leadListDetailsSchema = z.object({
  phones: z.array(z.object({ number: z.string(), type: z.string(), dnc: z.boolean() })),
  mailingAddress: z.string().nullable(),
  county: z.string().nullable(),
  apn: z.string().nullable(),
  zipPlus4: z.string().nullable(),
  estimatedEquity: z.number().nullable(),
  ltv: z.number().nullable(),
});
export type LeadListDetails = z.infer<typeof leadListDetailsSchema>;

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
  beds: z.number().nullable(),
  baths: z.number().nullable(),
  sqft: z.number().nullable(),
  yearBuilt: z.number().nullable(),
  arv: z.number().nullable(),
  repairEstimate: z.number().nullable(),
  /** Derived: ARV × rule % − repairs − target assignment fee. */
  mao: z.number().nullable(),
  source: z.enum(LEAD_SOURCES),
  motivation: z.number().nullable(),
  tags: z.array(z.string()),
  status: z.enum(LEAD_STATUSES),
  deadReason: z.string().nullable(),
  ownerId: z.string(),
  contactedAt: z.string().nullable(),
  /** When the workflow's next follow-up timer fires (a CONTACTED lead); null when none is armed. */
  nextFollowUpAt: z.string().nullable(),
  /** 0–100, how worth calling the lead is (domain/leads/lead-score.ts), with the parts that make it. */
  score: z.number(),
  scoreParts: z.array(scorePartSchema),
  /** Present once the lead was merged into another (it is archived; its work is there). */
  mergedIntoId: z.string().optional(),
  /** Present while archived (hidden from lists and matching, its automation stopped). */
  archivedAt: z.string().optional(),
  /** Present when a list import gave the lead more than its own fields (leadListDetailsSchema). */
  listDetails: leadListDetailsSchema.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Lead = z.infer<typeof leadSchema>;
/** Every key of a lead as the API answers it, `mao` included: what a `fields=` of leads may name. */
export const LEAD_KEYS = Object.keys(leadSchema.shape) as [keyof Lead, ...Array<keyof Lead>];

const dateTime = z.iso.datetime({ offset: true, message: 'must be an ISO date-time' });

export const listLeadsQuerySchema = z.object({
  status: listOf(LEAD_STATUSES, 'statuses').optional(),
  ownerId: z.string().min(1).optional(),
  source: listOf(LEAD_SOURCES, 'sources').optional(),
  propertyType: listOf(PROPERTY_TYPES, 'property types').optional(),
  city: z.string().trim().min(1).optional(),
  zip: z.string().trim().regex(/^\d{5}$/, 'must be a 5-digit ZIP code').optional(),
  minPrice: queryInt(0, 1_000_000_000).optional(),
  maxPrice: queryInt(0, 1_000_000_000).optional(),
  createdFrom: dateTime.optional(),
  createdTo: dateTime.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  sort: z.enum(LEAD_SORTS).default('-createdAt'),
  fields: listOf(LEAD_KEYS, 'fields').optional(),
  includeArchived: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
  ...pageQueryFields,
});
export type ListLeadsQuery = z.infer<typeof listLeadsQuerySchema>;

/** A lead as stored and as its events carry it: every field but the derived MAO (see `withMao`). */
export type LeadRecord = Omit<Lead, 'mao'>;

/** `POST /api/leads/bulk`: hand many leads to one owner (each takes its open tasks along). */
export const bulkLeadInputSchema = z.object({
  ids: z.array(z.string().min(1)).min(1, 'must name at least one lead').max(100, 'must name at most 100 leads'),
  action: z.literal('reassign', { error: 'must be reassign' }),
  ownerId: z.string().min(1),
});
export type BulkLeadInput = z.infer<typeof bulkLeadInputSchema>;
/** One result per id: a lead refused (not found, not allowed) does not stop the others. */
export const bulkLeadResultSchema = z.object({
  results: z.array(z.object({ id: z.string(), ok: z.boolean(), error: z.string().optional(), lead: leadSchema.optional() })),
});
