import { endOfDay, min } from 'date-fns';

const HOUR_MS = 3_600_000;

/**
 * Where the calendar draws a task due at `dueAt`: an hour from its due time, cut at the end of that
 * day, so a task due late in the evening stays on its own day (an hour past midnight listed it on
 * two days and drew it across both).
 */
export function calendarSpan(dueAt: Date): { start: Date; end: Date } {
  return { start: dueAt, end: min([new Date(dueAt.getTime() + HOUR_MS), endOfDay(dueAt)]) };
}
