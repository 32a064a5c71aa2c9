/** What a refusal names at `expiresAt` when a proof of funds would give its buyer an expiry already past. */
export const PAST_PROOF_OF_FUNDS_ERROR = "must be in the future for a proof of funds: it becomes the buyer's proof-of-funds expiry";

/**
 * The buyer's proof-of-funds expiry a document sets: a PROOF_OF_FUNDS document on a buyer that
 * expires sets its buyer's, as editing the buyer would (null for any other document).
 */
export function proofOfFundsExpiry(doc: { kind: string; buyerId: string | null; expiresAt: Date | null }): { buyerId: string; expiresAt: Date } | null {
  return doc.kind === 'PROOF_OF_FUNDS' && doc.buyerId !== null && doc.expiresAt !== null ? { buyerId: doc.buyerId, expiresAt: doc.expiresAt } : null;
}

/**
 * Why an expiry cannot become a buyer's proof-of-funds expiry (null when it can): one at or
 * before `now` would show the buyer's proof of funds as expired. Other documents may carry a past
 * expiry (a contract recorded after it lapsed); a proof of funds may too when it is on no buyer.
 */
export function proofOfFundsExpiryProblem(expiresAt: Date, now: Date): string | null {
  return expiresAt.getTime() > now.getTime() ? null : PAST_PROOF_OF_FUNDS_ERROR;
}
