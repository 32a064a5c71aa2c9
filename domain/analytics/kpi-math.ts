/**
 * The arithmetic of every KPI, one rule for all: a rate or an average over nothing is null
 * (shown as "—"), never NaN or a misleading 0.
 */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

export function average(total: number | null, count: number): number | null {
  return count > 0 && total !== null ? Math.round((total / count) * 100) / 100 : null;
}

/** An average SQL already took (AVG is NULL over no rows), to two decimals. */
export function rounded(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

/** Completed tasks per user per day over a range: null when nobody is in scope or the range is empty. */
export function perUserPerDay(completed: number, users: number, days: number): number | null {
  return users > 0 && days > 0 ? Math.round((completed / users / days) * 100) / 100 : null;
}

/** Whole days of a range, at least 1 for a range shorter than a day. */
export function daysBetween(from: Date, to: Date): number {
  return Math.max(1, Math.round((to.getTime() - from.getTime()) / 86_400_000));
}

/** The start of the month (UTC) that holds `at`. */
export function monthStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}
