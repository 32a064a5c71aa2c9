import type { TaskPriority } from './task.schema';

/** Open work weighs by priority, so one HIGH task counts as much as three LOW ones. */
export const PRIORITY_WEIGHT: Readonly<Record<TaskPriority, number>> = { HIGH: 3, MEDIUM: 2, LOW: 1 };

export interface Candidate {
  id: string;
  active: boolean;
  /** Open tasks by priority. */
  openTasks: Partial<Record<TaskPriority, number>>;
}

export function workloadOf(candidate: Candidate): number {
  return (Object.entries(candidate.openTasks) as Array<[TaskPriority, number]>).reduce(
    (sum, [priority, count]) => sum + PRIORITY_WEIGHT[priority] * count,
    0,
  );
}

/**
 * Assignment by workload: the active candidate with the least open work, weighted by
 * priority; ties go to the first id so the choice is stable. Inactive users never get tasks.
 */
export function pickLeastLoaded(candidates: readonly Candidate[]): string | null {
  let best: { id: string; load: number } | null = null;
  for (const candidate of candidates) {
    if (!candidate.active) continue;
    const load = workloadOf(candidate);
    if (!best || load < best.load || (load === best.load && candidate.id < best.id)) best = { id: candidate.id, load };
  }
  return best?.id ?? null;
}
