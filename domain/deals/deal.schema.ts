import { z } from 'zod';

/** A deal as `GET /api/deals` lists it, with the lead's address and the buyer's name. */
export const dealSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  buyerId: z.string().nullable(),
  purchasePrice: z.number().nullable(),
  salePrice: z.number().nullable(),
  assignmentFee: z.number().nullable(),
  closedAt: z.string().nullable(),
  lead: z.object({ sellerName: z.string(), street: z.string(), city: z.string() }),
  buyerName: z.string().nullable(),
});
export type Deal = z.infer<typeof dealSchema>;
