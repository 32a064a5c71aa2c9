import type { AutomaticTaskSpec } from '../leads/lead-tasks';

/** A SENT offer gets "Follow up on offer status" for its creator. */
export function offerFollowUpTaskFor(offer: { id: string }, stepKey: string, now: Date, dueMs: number): AutomaticTaskSpec {
  return {
    automationKey: `offer:${offer.id}:${stepKey}:follow-up`,
    title: 'Follow up on offer status',
    type: 'OFFER',
    priority: 'HIGH',
    dueAt: new Date(now.getTime() + dueMs),
  };
}
