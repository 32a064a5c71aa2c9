import { localParts, zonedInstant } from '../time/zoned-day';

/** How long after an unanswered call (no answer, voicemail) the next attempt falls due; admins choose it. */
export const CALL_RETRY_DELAYS = ['2h', '4h', 'next-business-day', '2-business-days'] as const;
export type CallRetryDelay = (typeof CALL_RETRY_DELAYS)[number];
export const DEFAULT_CALL_RETRY_DELAY: CallRetryDelay = 'next-business-day';

const HOUR_MS = 3_600_000;
const BUSINESS_DAYS: Record<CallRetryDelay, number> = { '2h': 0, '4h': 0, 'next-business-day': 1, '2-business-days': 2 };
const HOURS: Record<CallRetryDelay, number> = { '2h': 2, '4h': 4, 'next-business-day': 0, '2-business-days': 0 };

const isWeekend = (year: number, month: number, day: number): boolean => [0, 6].includes(new Date(Date.UTC(year, month - 1, day)).getUTCDay());

/**
 * When to call again after no answer or a voicemail: some hours later, or at the same time on the
 * lead owner's wall clock one or two business days later (Saturday and Sunday skipped, so Friday's
 * call comes back on Monday), in the owner's time zone: a DST change keeps the wall-clock time.
 */
export function nextCallAttemptIn(now: Date, delay: CallRetryDelay, timeZone: string): Date {
  if (HOURS[delay] > 0) return new Date(now.getTime() + HOURS[delay] * HOUR_MS);
  const local = localParts(now, timeZone);
  let { year, month, day } = local;
  for (let left = BUSINESS_DAYS[delay]; left > 0; ) {
    const next = new Date(Date.UTC(year, month - 1, day + 1));
    [year, month, day] = [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()];
    if (!isWeekend(year, month, day)) left -= 1;
  }
  return zonedInstant({ ...local, year, month, day }, timeZone);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The next attempt after an unanswered call as lead runs recorded before the `call-attempt-setting`
 * patch compute it: one day later in UTC (Friday → Monday, the weekend → Monday). Newer runs use
 * `nextCallAttemptIn` (next-call-attempt.ts) with the Settings' delay and the owner's time zone.
 */
export function nextCallAttemptAt(now: Date, retryMs = DAY_MS): Date {
  const next = new Date(now.getTime() + retryMs);
  const day = next.getUTCDay();
  if (day === 6) return new Date(next.getTime() + 2 * DAY_MS);
  if (day === 0) return new Date(next.getTime() + DAY_MS);
  return next;
}
