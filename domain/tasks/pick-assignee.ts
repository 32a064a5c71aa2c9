import type { TaskPriority } from './task.schema';

/** Open work weighs by priority, so one HIGH task counts as much as three LOW ones. */
export const PRIORITY_WEIGHT: Readonly<Record<TaskPriority, number>> = { HIGH: 3, MEDIUM: 2, LOW: 1 };

export interface Candidate {
  id: string;
  active: boolean;
  /** The user's role, when the pick depends on it (fallbacks by role). */
  role?: string;
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

/**
 * The user a rule names while they are active; otherwise the least-loaded active candidate of
 * the first fallback pool that has one (e.g. the named user's role, then everyone). Inactive
 * users never receive a task; `null` only when no pool has an active candidate.
 */
export function pickActiveAssignee(named: { id: string; active: boolean } | null, fallbacks: ReadonlyArray<readonly Candidate[]>): string | null {
  if (named?.active) return named.id;
  for (const pool of fallbacks) {
    const picked = pickLeastLoaded(pool);
    if (picked) return picked;
  }
  return null;
}

/**
 * The fallback pools when the named user cannot take a task: the least-loaded active user of
 * `rolePool`'s role first (the rule's own, for a least-loaded rule), then of `alsoRole` (the
 * role of whoever dropped out), then anyone active. `exceptId` (a user who is leaving) is never picked.
 */
export function fallbackPools(candidates: readonly Candidate[], roles: ReadonlyArray<string | null>, exceptId?: string): Candidate[][] {
  const eligible = candidates.filter((candidate) => candidate.id !== exceptId);
  return [...roles.map((role) => (role === null ? eligible : eligible.filter((candidate) => candidate.role === role))), eligible];
}

/** The candidates after `assigneeId` takes one more task of `priority`, for the next pick in a batch. */
export function withTaskFor(candidates: readonly Candidate[], assigneeId: string, priority: TaskPriority): Candidate[] {
  return candidates.map((candidate) =>
    candidate.id === assigneeId ? { ...candidate, openTasks: { ...candidate.openTasks, [priority]: (candidate.openTasks[priority] ?? 0) + 1 } } : candidate,
  );
}
