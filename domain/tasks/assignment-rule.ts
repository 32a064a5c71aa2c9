import type { TaskType } from './task.schema';

export type AssignmentRule = { kind: 'LEAD_OWNER' } | { kind: 'LEAST_LOADED'; role: 'ACQUISITIONS' | 'ADMIN' } | { kind: 'CREATOR' };

/**
 * SPEC §4 (seed §2.2): who gets a task nobody named. Lead-related → the lead's owner;
 * buyer-related → the acquisitions team member with the least open work; administrative → an
 * admin; anything else → whoever created it.
 */
export function assignmentRuleFor(task: { type: TaskType; leadId?: string; buyerId?: string }): AssignmentRule {
  if (task.type === 'ADMIN') return { kind: 'LEAST_LOADED', role: 'ADMIN' };
  if (task.leadId) return { kind: 'LEAD_OWNER' };
  if (task.buyerId || task.type === 'BUYER') return { kind: 'LEAST_LOADED', role: 'ACQUISITIONS' };
  return { kind: 'CREATOR' };
}
