import { z } from 'zod';
import { LEAD_KEYS, leadSchema } from '../leads/lead.schema';
import { listOf } from '../validation/fields';
import { BUYER_KEYS, buyerSchema } from './buyer.schema';

const matchFields = { score: z.number(), reasons: z.array(z.string()) };

/** A buyer matching a lead (`GET /api/leads/:id/matches`), with the reasons of its score. */
export const leadMatchSchema = z.object({ buyer: buyerSchema, ...matchFields });
export type LeadMatch = z.infer<typeof leadMatchSchema>;

/** A lead matching a buyer (`GET /api/buyers/:id/matches`), with the reasons of its score. */
export const buyerMatchSchema = z.object({ lead: leadSchema, ...matchFields });
export type BuyerMatch = z.infer<typeof buyerMatchSchema>;

/** `fields=` of a lead's matches: each buyer has only those keys and its id. */
export const leadMatchesQuerySchema = z.object({ fields: listOf(BUYER_KEYS, 'fields').optional() });
/** `fields=` of a buyer's matches: each lead has only those keys and its id. */
export const buyerMatchesQuerySchema = z.object({ fields: listOf(LEAD_KEYS, 'fields').optional() });

/** A match as `fields=` answers it: the record's id and the keys asked for. */
export type LeanLeadMatch<Key extends keyof LeadMatch['buyer']> = Omit<LeadMatch, 'buyer'> & { buyer: Pick<LeadMatch['buyer'], 'id' | Key> };
export type LeanBuyerMatch<Key extends keyof BuyerMatch['lead']> = Omit<BuyerMatch, 'lead'> & { lead: Pick<BuyerMatch['lead'], 'id' | Key> };
