import { DEAD_REASON_LABELS, LEAD_STATUS_LABELS } from '../labels/lead-labels';
import { DEAD_REASONS, type LeadStatus } from './lead-statuses';

// A stage inside a sentence: "an offer made lead" reads worse than "a lead at Offer made", so lower case only after "a/the".
const stage = (status: LeadStatus): string => LEAD_STATUS_LABELS[status].toLowerCase();

export const OPEN_LEAD_STATUSES: readonly LeadStatus[] = ['NEW', 'CONTACTED', 'QUALIFIED', 'OFFER_MADE', 'UNDER_CONTRACT'];

/**
 * The pipeline moves: forward a stage or two, back a stage (an offer falls through),
 * CLOSED only from UNDER_CONTRACT, DEAD from any open status, and a dead lead reopens only as
 * NEW or CONTACTED. CLOSED is final.
 */
export const LEAD_TRANSITIONS: Readonly<Record<LeadStatus, readonly LeadStatus[]>> = {
  NEW: ['CONTACTED', 'QUALIFIED', 'DEAD'],
  CONTACTED: ['QUALIFIED', 'OFFER_MADE', 'DEAD'],
  QUALIFIED: ['CONTACTED', 'OFFER_MADE', 'UNDER_CONTRACT', 'DEAD'],
  OFFER_MADE: ['QUALIFIED', 'UNDER_CONTRACT', 'DEAD'],
  UNDER_CONTRACT: ['OFFER_MADE', 'CLOSED', 'DEAD'],
  CLOSED: [],
  DEAD: ['NEW', 'CONTACTED'],
};

/** `field`: the input the refusal is about, when one is (the dead reason). */
export type TransitionCheck = { ok: true } | { ok: false; reason: string; field?: { name: string; message: string } };

/** Whether a lead may move from one status to another; when not, a reason a user can read. */
export function checkLeadTransition(from: LeadStatus, to: LeadStatus, deadReason?: string): TransitionCheck {
  if (from === to) return { ok: false, reason: `The lead is already ${stage(to)}` };
  if (!LEAD_TRANSITIONS[from].includes(to)) {
    if (from === 'CLOSED') return { ok: false, reason: 'A closed lead cannot change status' };
    if (from === 'DEAD') return { ok: false, reason: 'A dead lead can only be reopened as new or contacted' };
    if (to === 'CLOSED') return { ok: false, reason: 'Only a lead under contract can be closed' };
    return { ok: false, reason: `A lead at ${LEAD_STATUS_LABELS[from]} cannot move to ${LEAD_STATUS_LABELS[to]}` };
  }
  if (to === 'DEAD' && !(DEAD_REASONS as readonly string[]).includes(deadReason ?? '')) {
    const choices = DEAD_REASONS.map((reason) => DEAD_REASON_LABELS[reason]).join(', ');
    return { ok: false, reason: `Marking a lead dead needs a reason: one of ${choices}`, field: { name: 'reason', message: `is required to mark a lead dead: one of ${choices}` } };
  }
  return { ok: true };
}
