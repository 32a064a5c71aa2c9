import { z } from 'zod';
import type { Deadlines } from '../config/deadlines';
import { durationSchema } from '../config/duration';
import { CALL_RETRY_DELAYS, type CallRetryDelay } from '../calls/next-call-attempt';
import type { DealMathSettings } from '../deals/deal-math';

/** The automatic tasks' deadlines an admin may change, by their Deadlines key. */
export const DEADLINE_KEYS = [
  'contactMs',
  'followUpMs',
  'visitMs',
  'closingMs',
  'offerFollowUpMs',
  'verifyPofMs',
  'matchingIntervalMs',
  'reviewDueMs',
  'automationGraceMs',
] as const satisfies readonly (keyof Deadlines)[];

/** The call queue's rules an admin may change. */
export interface CallSettings {
  /** When the next attempt falls due after no answer or a voicemail, in the lead owner's time zone. */
  retryDelay: CallRetryDelay;
}

/** What the settings page shows: durations as text like `1h` / `3d`, the deal math and the call rules. */
export const settingsSchema = z.object({
  deadlines: z.record(z.enum(DEADLINE_KEYS), z.string()),
  dealMath: z.object({ rulePercent: z.number(), targetAssignmentFee: z.number() }),
  calls: z.object({ retryDelay: z.enum(CALL_RETRY_DELAYS) }),
});
export type SettingsView = z.infer<typeof settingsSchema>;

type DeadlineKey = (typeof DEADLINE_KEYS)[number];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The shortest duration an admin may set for each deadline. A minute for a one-off due date;
 * longer for the two that repeat (each lap another task for every contacted lead or active buyer
 * with matches): follow-ups at most hourly, matching properties at most daily. The environment's
 * DEADLINE_* values are not held to these, so tests and the fault run can use seconds.
 */
export const DEADLINE_FLOORS: Readonly<Record<DeadlineKey, number>> = {
  contactMs: MINUTE,
  followUpMs: HOUR,
  visitMs: MINUTE,
  closingMs: MINUTE,
  offerFollowUpMs: MINUTE,
  verifyPofMs: MINUTE,
  matchingIntervalMs: DAY,
  reviewDueMs: MINUTE,
  automationGraceMs: MINUTE,
};
const DEADLINE_CEILING = 365 * DAY;

/**
 * A stored deadline held to the bounds an admin may set now: a value saved before a floor existed
 * (a follow-up every second) or not a number counts as the nearest allowed one, so one save long ago
 * cannot flood the team with tasks. `undefined` when nothing usable is stored.
 */
export function boundedStoredDeadline(key: DeadlineKey, stored: unknown): number | undefined {
  if (typeof stored !== 'number' || !Number.isFinite(stored)) return undefined;
  return Math.min(DEADLINE_CEILING, Math.max(DEADLINE_FLOORS[key], stored));
}

const deadlineField = (key: DeadlineKey) =>
  durationSchema
    .refine((ms) => ms >= DEADLINE_FLOORS[key], `must be at least ${formatDuration(DEADLINE_FLOORS[key])}`)
    .refine((ms) => ms <= DEADLINE_CEILING, `must be at most ${formatDuration(DEADLINE_CEILING)}`)
    .optional();
const deadlineFields = Object.fromEntries(DEADLINE_KEYS.map((key) => [key, deadlineField(key)])) as Record<DeadlineKey, ReturnType<typeof deadlineField>>;

/** `PATCH /api/settings` (admins): any subset; the rest keep their values. A key it does not know is a 400 naming it. */
export const updateSettingsInputSchema = z
  .object({
    deadlines: z.object(deadlineFields).strict().optional(),
    dealMath: z
      .object({
        rulePercent: z.number().min(1, 'must be at least 1').max(100, 'must be at most 100').optional(),
        targetAssignmentFee: z.number().int('must be whole dollars').min(0, 'must not be negative').max(10_000_000, 'is too large').optional(),
      })
      .strict()
      .optional(),
    calls: z
      .object({
        retryDelay: z.enum(CALL_RETRY_DELAYS, { error: 'must be 2 hours later, 4 hours later, the next business day or two business days later' }).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type UpdateSettingsInput = z.infer<typeof updateSettingsInputSchema>;
/** What a client sends: durations as text like `1h`. */
export type UpdateSettingsRequest = z.input<typeof updateSettingsInputSchema>;

export interface StoredSettings {
  deadlines: Partial<Deadlines>;
  dealMath: Partial<DealMathSettings>;
  calls: Partial<CallSettings>;
}

/** Shows a duration in the largest unit that divides it: 3600000 → `1h`. */
export function formatDuration(ms: number): string {
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1_000]] as const) {
    if (ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}
