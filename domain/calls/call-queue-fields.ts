// The `fields=` the web app asks of the call queue; apart from its zod schema (call-queue) so the page loads no zod for it.

/** What "My calls" shows of each lead: who to call, the property, where the lead stands, and its deal math. */
export const CALL_QUEUE_LEAD_FIELDS = ['sellerName', 'sellerPhone', 'street', 'city', 'state', 'zip', 'propertyType', 'beds', 'baths', 'sqft', 'status', 'source', 'askingPrice', 'arv', 'repairEstimate', 'mao'] as const;
