// No zod here: the buyer page's "Send matching properties" reads these in the web app.

/** Most leads one "Send matching properties" e-mail presents; without a choice, the top ones. */
export const MAX_LEADS_PER_EMAIL = 10;
export const DEFAULT_MATCHES_PER_EMAIL = 5;

/** "3 bed · 2 bath" from what is known; the buyer e-mail and the pages say it the same way. */
export function describeRooms(lead: { beds: number | null; baths: number | null }): string {
  return [lead.beds === null ? null : `${lead.beds} bed`, lead.baths === null ? null : `${lead.baths} bath`].filter(Boolean).join(' · ');
}
