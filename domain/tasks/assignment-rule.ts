import type { TaskType } from './task.schema';

export type AssignmentRule =
  | { kind: 'LEAD_OWNER' }
  | { kind: 'OFFER_CREATOR' }
  | { kind: 'LEAST_LOADED'; role: 'ACQUISITIONS' | 'ADMIN' | null }
  | { kind: 'CREATOR' };

/**
 * Who gets a task nobody named. Administrative → an admin; lead-related →
 * the lead's owner; offer-related → the offer's creator; buyer-related → the acquisitions team
 * member with the least open work; a follow-up → the active user with the least open work
 * weighted by priority; anything else → whoever created it.
 */
export function assignmentRuleFor(task: { type: TaskType; leadId?: string; buyerId?: string; offerId?: string }): AssignmentRule {
  if (task.type === 'ADMIN') return { kind: 'LEAST_LOADED', role: 'ADMIN' };
  if (task.leadId) return { kind: 'LEAD_OWNER' };
  if (task.offerId) return { kind: 'OFFER_CREATOR' };
  if (task.buyerId || task.type === 'BUYER') return { kind: 'LEAST_LOADED', role: 'ACQUISITIONS' };
  if (task.type === 'FOLLOW_UP' || task.type === 'SYSTEM') return { kind: 'LEAST_LOADED', role: null };
  return { kind: 'CREATOR' };
}

/** The rule in words, for the "suggested assignee" hint. */
export function describeAssignmentRule(rule: AssignmentRule): string {
  switch (rule.kind) {
    case 'LEAD_OWNER':
      return "the lead's owner";
    case 'OFFER_CREATOR':
      return "the offer's creator";
    case 'CREATOR':
      return 'you, the creator';
    case 'LEAST_LOADED':
      if (rule.role === 'ADMIN') return 'the admin with the least open work';
      if (rule.role === 'ACQUISITIONS') return 'the acquisitions team member with the least open work';
      return 'the active user with the least open work, weighted by priority';
  }
}
