import { z } from 'zod';
import { LEAD_KEYS, leadSchema, type Lead, type LeadSource, type LeadStatus } from '../leads/lead.schema';
import { listOf, queryInt } from '../validation/fields';

/** Why a lead stands where it does in the call queue, first to last. */
export const QUEUE_RULES = ['OVERDUE_CONTACT', 'FOLLOW_UP_DUE', 'BY_SCORE', 'NEXT_ATTEMPT_LATER'] as const;
export type QueueRule = (typeof QUEUE_RULES)[number];

export interface QueueCandidate {
  id: string;
  status: LeadStatus;
  source: LeadSource;
  score: number;
  createdAt: Date;
  contactedAt: Date | null;
  nextFollowUpAt: Date | null;
}

export interface QueuePlace {
  rule: QueueRule;
  /** What a person reads: "Contact overdue", "Follow-up due", "Score 72", "Next attempt later". */
  why: string;
}

/**
 * Which rule places a lead in the queue: a NEW lead past its contact deadline (and no later attempt
 * armed) first, then leads whose follow-up or next attempt is due, then the rest by score, and last
 * those whose next attempt is armed for later (an unanswered call moves a lead there). A cold-list
 * lead (source LIST_IMPORT) has no contact deadline: until someone calls it, it waits by score, so
 * a big import does not flood the top of every queue in age order.
 */
export function queuePlace(lead: QueueCandidate, now: Date, contactMs: number): QueuePlace {
  const due = lead.nextFollowUpAt === null || lead.nextFollowUpAt <= now;
  const hasContactDeadline = lead.source !== 'LIST_IMPORT';
  if (hasContactDeadline && lead.status === 'NEW' && lead.contactedAt === null && due && now.getTime() - lead.createdAt.getTime() >= contactMs) {
    return { rule: 'OVERDUE_CONTACT', why: 'Contact overdue' };
  }
  if (lead.nextFollowUpAt !== null && due) return { rule: 'FOLLOW_UP_DUE', why: 'Follow-up due' };
  if (!due) return { rule: 'NEXT_ATTEMPT_LATER', why: 'Next attempt later' };
  return { rule: 'BY_SCORE', why: `Score ${lead.score}` };
}

/**
 * The call queue's order: by rule (overdue contacts, follow-ups due, by score, later attempts),
 * then by score (highest first), then oldest first; the id settles ties so the order is stable.
 */
export function orderCallQueue<L extends QueueCandidate>(leads: readonly L[], now: Date, contactMs: number): Array<{ lead: L } & QueuePlace> {
  return leads
    .map((lead) => ({ lead, ...queuePlace(lead, now, contactMs) }))
    .sort(
      (a, b) =>
        QUEUE_RULES.indexOf(a.rule) - QUEUE_RULES.indexOf(b.rule) ||
        b.lead.score - a.lead.score ||
        a.lead.createdAt.getTime() - b.lead.createdAt.getTime() ||
        (a.lead.id < b.lead.id ? -1 : a.lead.id > b.lead.id ? 1 : 0),
    );
}

export const callQueueQuerySchema = z.object({
  /** A supervisor or admin reads someone else's queue. */
  ownerId: z.string().min(1).optional(),
  limit: queryInt(1, 100).default(50),
  /** Each lead with only these keys and its id (the page asks for what it shows). */
  fields: listOf(LEAD_KEYS, 'fields').optional(),
});

export const callQueueSchema = z.object({
  items: z.array(
    z.object({
      lead: leadSchema,
      score: z.number(),
      /** The score's parts as read: "motivated 4/5 +24". */
      reasons: z.array(z.string()),
      rule: z.enum(QUEUE_RULES),
      why: z.string(),
    }),
  ),
});
export type CallQueue = z.infer<typeof callQueueSchema>;
/** The call queue as `fields=` answers it: each lead its id and the keys asked for. */
export type LeanCallQueue<Key extends keyof Lead> = { items: Array<Omit<CallQueue['items'][number], 'lead'> & { lead: Pick<Lead, 'id' | Key> }> };
