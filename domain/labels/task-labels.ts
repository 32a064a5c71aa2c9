import type { TASK_PRIORITIES, TASK_STATUSES, TASK_TYPES } from '../tasks/task.schema';

export const TASK_TYPE_LABELS: Record<(typeof TASK_TYPES)[number], string> = {
  LEAD: 'Lead',
  BUYER: 'Buyer',
  OFFER: 'Offer',
  ADMIN: 'Admin',
  FOLLOW_UP: 'Follow-up',
  SYSTEM: 'Automatic',
};

export const TASK_PRIORITY_LABELS: Record<(typeof TASK_PRIORITIES)[number], string> = { HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low' };

export const TASK_STATUS_LABELS: Record<(typeof TASK_STATUSES)[number], string> = {
  CREATED: 'Created',
  ASSIGNED: 'Assigned',
  IN_PROGRESS: 'In progress',
  PENDING_REVIEW: 'Pending review',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
};
