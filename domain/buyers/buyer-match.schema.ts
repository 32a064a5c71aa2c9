import { z } from 'zod';
import { leadSchema } from '../leads/lead.schema';
import { buyerSchema } from './buyer.schema';

const matchFields = { score: z.number(), reasons: z.array(z.string()) };

/** A buyer matching a lead (`GET /api/leads/:id/matches`), with the reasons of its score. */
export const leadMatchSchema = z.object({ buyer: buyerSchema, ...matchFields });
export type LeadMatch = z.infer<typeof leadMatchSchema>;

/** A lead matching a buyer (`GET /api/buyers/:id/matches`), with the reasons of its score. */
export const buyerMatchSchema = z.object({ lead: leadSchema, ...matchFields });
export type BuyerMatch = z.infer<typeof buyerMatchSchema>;
