export { leadWorkflow } from './leads/lead.workflow';
export { taskWorkflow } from './tasks/task.workflow';
export { buyerWorkflow } from './buyers/buyer.workflow';
export { offerWorkflow } from './offers/offer.workflow';
