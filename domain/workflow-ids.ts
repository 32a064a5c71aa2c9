/** The Temporal workflow id of each lifecycle: the one place that spells them. */
export const leadWorkflowId = (leadId: string): string => `lead-${leadId}`;
export const buyerWorkflowId = (buyerId: string): string => `buyer-${buyerId}`;
export const offerWorkflowId = (offerId: string): string => `offer-${offerId}`;
export const taskWorkflowId = (taskId: string): string => `task-${taskId}`;
export const documentWorkflowId = (documentId: string): string => `document-${documentId}`;
export const MONTHLY_REVIEW_SCHEDULE_ID = 'monthly-performance-review';
/** The Temporal Schedule that runs the daily digest every quarter hour (each reader gets it at 07:00 in their zone). */
export const DAILY_DIGEST_SCHEDULE_ID = 'daily-digest';
export const LEAD_RESCORE_SCHEDULE_ID = 'lead-rescore';
export const emailWorkflowId = (messageId: string): string => `email-${messageId}`;
export const importWorkflowId = (importId: string): string => `import-${importId}`;
