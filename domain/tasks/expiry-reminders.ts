import type { AutomaticTaskSpec } from '../leads/lead-tasks';

/** Reminders 7 days and 1 day before an offer, document or proof of funds expires. */
export const EXPIRY_REMINDER_DAYS_BEFORE = [7, 1] as const;

export interface ExpiringThing {
  /** Keys the reminder, e.g. `offer:<id>`. */
  key: string;
  /** What expires, e.g. "offer", "document", "proof of funds". */
  kind: string;
  /** Whose or which one, e.g. the seller's name or the file name. */
  name: string;
}

/** "Renew or act on expiring <thing>", HIGH, due when it expires; one per expiry date and reminder. */
export function expiryReminderTaskFor(thing: ExpiringThing, expiresAt: Date, daysBefore: number): AutomaticTaskSpec {
  return {
    automationKey: `${thing.key}:expiry:${expiresAt.toISOString()}:${daysBefore}d`,
    title: `Renew or act on expiring ${thing.kind}: ${thing.name} (${daysBefore === 1 ? '1 day' : `${daysBefore} days`} left)`,
    type: thing.kind === 'offer' ? 'OFFER' : thing.kind === 'proof of funds' ? 'BUYER' : 'ADMIN',
    priority: 'HIGH',
    dueAt: expiresAt,
  };
}
