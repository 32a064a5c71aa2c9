// No zod here: the workflows import these, and every workflow run evaluates its modules again.
export const LEAD_STATUSES = ['NEW', 'CONTACTED', 'QUALIFIED', 'OFFER_MADE', 'UNDER_CONTRACT', 'CLOSED', 'DEAD'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export const DEAD_REASONS = ['ALREADY_SOLD', 'NOT_MOTIVATED', 'PRICE_TOO_HIGH', 'WRONG_NUMBER', 'LISTED_WITH_AGENT', 'OTHER'] as const;
export type DeadReason = (typeof DEAD_REASONS)[number];
