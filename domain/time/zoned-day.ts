/** Wall-clock parts of an instant in an IANA zone. */
function partsIn(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(instant: Date, timeZone: string): number {
  const p = partsIn(instant, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The hour (0–23) on the zone's wall clock at an instant. */
export const localHour = (instant: Date, timeZone: string): number => partsIn(instant, timeZone).hour;

/** The zone's calendar day of an instant, "2026-12-01". */
export function localDate(instant: Date, timeZone: string): string {
  const p = partsIn(instant, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The instants the zone's calendar day of `instant` starts and ends (end exclusive), across DST changes. */
export function localDayBounds(instant: Date, timeZone: string): { start: Date; end: Date } {
  const p = partsIn(instant, timeZone);
  const midnight = (year: number, month: number, day: number) => {
    const guess = Date.UTC(year, month - 1, day);
    // Twice: the offset at the guess can differ from the offset at the true midnight by a DST step.
    const first = guess - offsetAt(new Date(guess), timeZone);
    return new Date(guess - offsetAt(new Date(first), timeZone));
  };
  return { start: midnight(p.year, p.month, p.day), end: midnight(p.year, p.month, p.day + 1) };
}

/** The instant the zone's wall clock reads the given local date and time (a time a DST gap skips lands an hour later). */
export function zonedInstant(local: { year: number; month: number; day: number; hour: number; minute: number; second: number }, timeZone: string): Date {
  const guess = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const first = guess - offsetAt(new Date(guess), timeZone);
  return new Date(guess - offsetAt(new Date(first), timeZone));
}

/** The zone's wall-clock date and time of an instant. */
export const localParts = (instant: Date, timeZone: string) => partsIn(instant, timeZone);
