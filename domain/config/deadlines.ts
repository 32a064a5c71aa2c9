/** How long after its trigger each automatic task falls due (admins change them in Settings), in milliseconds. */
export interface Deadlines {
  /** New lead → "Contact lead within 1 hour". */
  contactMs: number;
  /** CONTACTED → "Follow up with lead in 3 days", repeating while the lead does not advance. */
  followUpMs: number;
  /** QUALIFIED → "Schedule property visit". */
  visitMs: number;
  /** UNDER_CONTRACT → "Prepare closing documents". */
  closingMs: number;
  /** Offer SENT → "Follow up on offer status". */
  offerFollowUpMs: number;
  /** New buyer → "Verify proof of funds". */
  verifyPofMs: number;
  /** ACTIVE buyer → "Send matching properties", each interval when there are matches. */
  matchingIntervalMs: number;
  /** First day of the month → "Monthly performance review" per agent, due this long after. */
  reviewDueMs: number;
  /** No automatic task is created due sooner than this after its creation (see applyAutomationGrace). */
  automationGraceMs: number;
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export const DEFAULT_DEADLINES: Deadlines = {
  contactMs: HOUR,
  followUpMs: 3 * DAY,
  visitMs: 2 * DAY,
  closingMs: 2 * DAY,
  offerFollowUpMs: 2 * DAY,
  verifyPofMs: DAY,
  matchingIntervalMs: 7 * DAY,
  reviewDueMs: 7 * DAY,
  automationGraceMs: 15 * 60 * 1000,
};
