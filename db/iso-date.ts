const two = (value: number): string => (value < 10 ? `0${value}` : String(value));
const three = (value: number): string => (value < 10 ? `00${value}` : value < 100 ? `0${value}` : String(value));

/**
 * `date.toISOString()`, composed from its UTC parts: V8's own is a call into the runtime that
 * costs about 1.1 µs here, two and a half times this, and a page of 50 tasks formats 150 dates
 * (most of what building its JSON costs). Years outside 1000–9999 (written with six digits or a
 * sign) and invalid dates (a RangeError) are left to V8's.
 */
export function isoDate(date: Date): string {
  const year = date.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) return date.toISOString();
  return `${year}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}T${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}.${three(date.getUTCMilliseconds())}Z`;
}
