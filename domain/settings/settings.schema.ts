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

const shortDuration = durationSchema.refine((ms) => ms <= 365 * 86_400_000, 'must be at most 365d');

/** `PUT /api/settings` (admins): any subset; the rest keep their values. */
export const updateSettingsInputSchema = z.object({
  deadlines: z.partialRecord(z.enum(DEADLINE_KEYS), shortDuration).optional(),
  dealMath: z
    .object({
      rulePercent: z.number().min(1, 'must be at least 1').max(100, 'must be at most 100').optional(),
      targetAssignmentFee: z.number().int('must be whole dollars').min(0, 'must not be negative').max(10_000_000, 'is too large').optional(),
    })
    .optional(),
  calls: z
    .object({
      retryDelay: z.enum(CALL_RETRY_DELAYS, { error: 'must be 2 hours later, 4 hours later, the next business day or two business days later' }).optional(),
    })
    .optional(),
});
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
