/**
 * An automatic task is never created already past due: it falls due at the rule's time, or
 * `graceMs` after `now` (its creation) when that is later. A rule's due time in the past (a
 * deadline that fired, a worker that was down) would otherwise raise its own overdue alerts
 * the moment the task exists.
 */
export function applyAutomationGrace<T extends { dueAt: Date }>(spec: T, now: Date, graceMs: number): T {
  const earliest = now.getTime() + Math.max(0, graceMs);
  return spec.dueAt.getTime() >= earliest ? spec : { ...spec, dueAt: new Date(earliest) };
}
