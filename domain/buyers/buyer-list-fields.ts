// The `fields=` the web app's buyer list asks for; apart from buyer.schema so the page's request needs no zod.

/** What the buyer list shows of each buyer: who, their standing, buy box, funds and how to reach them. */
export const BUYER_LIST_PAGE_FIELDS = ['name', 'company', 'status', 'cashBuyer', 'markets', 'propertyTypes', 'minPrice', 'maxPrice', 'proofOfFundsAmount', 'phone', 'email'] as const;
