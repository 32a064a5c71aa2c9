import type { AutomaticTaskSpec } from '../leads/lead-tasks';
import { EXPIRY_REMINDER_DAYS_BEFORE } from '../tasks/expiry-reminders';

/** A new buyer gets "Verify proof of funds" for the acquisitions team. */
export function verifyProofOfFundsTaskFor(buyer: { id: string; name: string }, now: Date, dueMs: number): AutomaticTaskSpec {
  return {
    automationKey: `buyer:${buyer.id}:verify-pof`,
    title: `Verify proof of funds: ${buyer.name}`,
    type: 'BUYER',
    priority: 'HIGH',
    dueAt: new Date(now.getTime() + dueMs),
  };
}

/** An ACTIVE buyer with matches gets "Send matching properties" once per interval. */
export function sendMatchesTaskFor(buyer: { id: string; name: string }, cycleKey: string, matchCount: number, dueAt: Date): AutomaticTaskSpec {
  return {
    automationKey: `buyer:${buyer.id}:${cycleKey}:send-matches`,
    title: `Send matching properties to ${buyer.name} (${matchCount})`,
    type: 'BUYER',
    priority: 'MEDIUM',
    dueAt,
  };
}

/** Reminders before a buyer's proof of funds expires (7 days and 1 day before). */
export const POF_REMINDER_DAYS_BEFORE = EXPIRY_REMINDER_DAYS_BEFORE;

/** "Renew or act on expiring proof of funds", due when it expires. */
export function pofExpiryTaskFor(buyer: { id: string; name: string }, expiresAt: Date, daysBefore: number): AutomaticTaskSpec {
  return {
    automationKey: `buyer:${buyer.id}:pof:${expiresAt.toISOString()}:${daysBefore}d`,
    title: `Renew or act on expiring proof of funds: ${buyer.name} (${daysBefore === 1 ? '1 day' : `${daysBefore} days`} left)`,
    type: 'BUYER',
    priority: 'HIGH',
    dueAt: expiresAt,
  };
}
