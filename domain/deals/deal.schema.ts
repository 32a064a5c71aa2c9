import { z } from 'zod';
import { pageQueryFields } from '../validation/fields';

/** A deal as stored and as its events carry it: the figures, dates as ISO strings. */
export const dealRecordSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  buyerId: z.string().nullable(),
  purchasePrice: z.number().nullable(),
  salePrice: z.number().nullable(),
  assignmentFee: z.number().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DealRecord = z.infer<typeof dealRecordSchema>;

/** A deal as `GET /api/deals` lists it, with the lead's address and the buyer's name. */
export const dealSchema = dealRecordSchema.omit({ createdAt: true, updatedAt: true }).extend({
  lead: z.object({ sellerName: z.string(), street: z.string(), city: z.string() }),
  buyerName: z.string().nullable(),
});
export type Deal = z.infer<typeof dealSchema>;

/** `GET /api/deals?closed=&limit=&cursor=`. */
export const listDealsQuerySchema = z.object({
  closed: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ...pageQueryFields,
});
