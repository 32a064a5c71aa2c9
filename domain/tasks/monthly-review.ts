import type { AutomaticTaskSpec } from '../leads/lead-tasks';

/** The roles whose work a supervisor reviews each month. */
export const REVIEWED_ROLES = ['AGENT', 'ACQUISITIONS'] as const;

/** `2026-11` for any time in November 2026 (UTC). */
export const monthKey = (at: Date): string => at.toISOString().slice(0, 7);

/** On the first day of the month, "Monthly performance review" per agent for a supervisor, MEDIUM, due in 7 days. */
export function monthlyReviewTaskFor(agent: { id: string; name: string }, at: Date, dueMs: number): AutomaticTaskSpec {
  return {
    automationKey: `review:${monthKey(at)}:${agent.id}`,
    title: `Monthly performance review: ${agent.name} (${monthKey(at)})`,
    type: 'ADMIN',
    priority: 'MEDIUM',
    dueAt: new Date(at.getTime() + dueMs),
  };
}
