import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { boundedStoredDeadline, DEADLINE_FLOORS, DEADLINE_KEYS, formatDuration, updateSettingsInputSchema } from '../../domain/settings/settings.schema';

const parseDeadline = (key: (typeof DEADLINE_KEYS)[number], text: string) => updateSettingsInputSchema.safeParse({ deadlines: { [key]: text } });

describe('the minimum of each duration an admin sets', () => {
  it.each(DEADLINE_KEYS.map((key) => [key, formatDuration(DEADLINE_FLOORS[key])] as const))('%s takes %s and refuses 1 ms less', (key, floor) => {
    expect(parseDeadline(key, floor)).toMatchObject({ success: true, data: { deadlines: { [key]: DEADLINE_FLOORS[key] } } });
    const below = parseDeadline(key, `${DEADLINE_FLOORS[key] - 1}ms`);
    expect(below.success).toBe(false);
    expect(below.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([[`deadlines.${key}`, `must be at least ${floor}`]]);
  });

  // The settings page sends every duration it shows: out of the box, each must pass.
  it.each(DEADLINE_KEYS)('the default %s is at or above its minimum', (key) => {
    expect(parseDeadline(key, formatDuration(DEFAULT_DEADLINES[key])).success).toBe(true);
  });
});

describe('boundedStoredDeadline', () => {
  it.each([
    ['followUpMs', 1_000, 60 * 60_000, 'a follow-up stored every second, before the hourly floor, counts as hourly'],
    ['matchingIntervalMs', 60_000, 24 * 60 * 60_000, 'matching stored every minute counts as daily'],
    ['contactMs', 2 * 60 * 60_000, 2 * 60 * 60_000, 'a value within the bounds is kept'],
    ['visitMs', 10 * 365 * 24 * 60 * 60_000, 365 * 24 * 60 * 60_000, 'ten years counts as the one-year ceiling'],
    ['contactMs', 'soon', undefined, 'a stored value that is no number is not used'],
    ['contactMs', undefined, undefined, 'nothing stored'],
  ] as Array<[(typeof DEADLINE_KEYS)[number], unknown, number | undefined, string]>)('%s %p → %p: %s', (key, stored, expected) => {
    expect(boundedStoredDeadline(key, stored)).toBe(expected);
  });
});
