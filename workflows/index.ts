export { leadWorkflow } from './leads/lead.workflow';
export { taskWorkflow } from './tasks/task.workflow';
export { buyerWorkflow } from './buyers/buyer.workflow';
export { offerWorkflow } from './offers/offer.workflow';
export { documentExpiryWorkflow } from './documents/document.workflow';
export { monthlyReviewWorkflow } from './reviews/monthly-review.workflow';
export { sendEmailWorkflow } from './email/send-email.workflow';
export { importWorkflow } from './imports/import.workflow';
