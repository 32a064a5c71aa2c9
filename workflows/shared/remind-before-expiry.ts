import { condition } from '@temporalio/workflow';
import { EXPIRY_REMINDER_DAYS_BEFORE } from '../../domain/tasks/expiry-reminders';

const DAY_MS = 86_400_000;

/**
 * Durable timers to 7 days and 1 day before `expiresAt`; at each, `remind` creates the reminder
 * task (when the thing still needs it). Stops early once `stop()` holds. A reminder whose time
 * has passed already is sent at once, unless the thing has expired.
 */
export async function remindBeforeExpiry(expiresAt: string, stop: () => boolean, remind: (daysBefore: number) => Promise<void>): Promise<void> {
  for (const daysBefore of EXPIRY_REMINDER_DAYS_BEFORE) {
    if (Date.parse(expiresAt) <= Date.now() || stop()) return;
    const remindAt = Date.parse(expiresAt) - daysBefore * DAY_MS;
    if (remindAt > Date.now() && (await condition(stop, remindAt - Date.now()))) return;
    await remind(daysBefore);
  }
}
