import { labelOf } from '../../../domain/labels/labels';
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "5 minutes ago", "in 1 hour", "now". */
export function timeAgo(iso: string, now = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  let amount = (at - now) / 1000;
  if (Math.abs(amount) < 10) return 'just now';
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return relative.format(Math.round(amount), unit);
    amount /= size;
  }
  return new Date(at).toLocaleDateString();
}

/** `timeAgo` for things that already happened: a moment in the future (clock skew) is "just now". */
export function timeSince(iso: string, now = Date.now()): string {
  return Date.parse(iso) >= now ? 'just now' : timeAgo(iso, now);
}

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
export const fullDate = (iso: string): string => dateTime.format(new Date(iso));

const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
export const money = (amount: number): string => dollars.format(amount);

/** `MULTI_FAMILY` → "Multi family", `HIGH` → "High". */
export const humanize = (value: string): string => value.charAt(0) + value.slice(1).toLowerCase().replaceAll('_', ' ');

/** The local midnight, where the dashboard's "today" starts for this user. */
export function startOfToday(now = new Date()): string {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate()).toISOString();
}

/** An enum value (a status, type, source, role…) in the words of its label table in `domain/labels/`. */
export const optionLabel = (value: string): string => labelOf(value, humanize);
