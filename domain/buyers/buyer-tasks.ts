import type { AutomaticTaskSpec } from '../leads/lead-tasks';

/** SPEC §4: a new buyer gets "Verify proof of funds" for the acquisitions team. */
export function verifyProofOfFundsTaskFor(buyer: { id: string; name: string }, now: Date, dueMs: number): AutomaticTaskSpec {
  return {
    automationKey: `buyer:${buyer.id}:verify-pof`,
    title: `Verify proof of funds: ${buyer.name}`,
    type: 'BUYER',
    priority: 'HIGH',
    dueAt: new Date(now.getTime() + dueMs),
  };
}

/** SPEC §4: an ACTIVE buyer with matches gets "Send matching properties" once per interval. */
export function sendMatchesTaskFor(buyer: { id: string; name: string }, cycleKey: string, matchCount: number, dueAt: Date): AutomaticTaskSpec {
  return {
    automationKey: `buyer:${buyer.id}:${cycleKey}:send-matches`,
    title: `Send matching properties to ${buyer.name} (${matchCount})`,
    type: 'BUYER',
    priority: 'MEDIUM',
    dueAt,
  };
}
