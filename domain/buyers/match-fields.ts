// The `fields=` the web app asks of the match routes; apart from their zod schemas (buyer-match.schema) so the pages load no zod for them.

/** What the web app shows of a lead's matching buyers (the lead page, the new offer's buyer picker). */
export const LEAD_MATCH_BUYER_FIELDS = ['name', 'company', 'cashBuyer'] as const;
/** What the web app shows of a buyer's matching leads (the buyer page, the e-mail of matches). */
export const BUYER_MATCH_LEAD_FIELDS = ['sellerName', 'street', 'city', 'status', 'askingPrice', 'mao', 'beds', 'baths'] as const;
