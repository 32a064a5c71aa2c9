// The `fields=` the web app's lead list asks for; apart from lead.schema so the page's request needs no zod.

/** What the lead list shows of each lead: seller and source, the property, price and MAO, status, score with its parts, follow-up and age. */
export const LEAD_LIST_PAGE_FIELDS = ['sellerName', 'source', 'street', 'city', 'state', 'zip', 'propertyType', 'askingPrice', 'mao', 'status', 'archivedAt', 'score', 'scoreParts', 'nextFollowUpAt', 'createdAt'] as const;
