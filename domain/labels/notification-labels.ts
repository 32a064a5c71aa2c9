import type { NotificationKind } from '../notifications/notification-kinds';
import type { EmailMode } from '../notifications/notification-preferences';

/** Each notification kind as Settings → Notifications lists it. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  NEW_LEAD: 'A new lead is assigned to me',
  LEAD_CONTACT_OVERDUE: 'A lead was not contacted in time (supervisors)',
  LEAD_REASSIGNED: 'A lead of mine is reassigned',
  TASK_ASSIGNED: 'A task is assigned to me',
  REVIEW_REQUESTED: 'A task waits for my review',
  TASK_APPROVED: 'My task is approved',
  TASK_REJECTED: 'My task is rejected',
  TASK_COMPLETED: 'A task I created is completed',
  TASK_CANCELLED: 'My task is cancelled',
  TASK_OVERDUE: 'My task is overdue',
  OFFER_STATUS: 'An offer I made changes status',
  MENTION: 'Someone @mentions me',
};

export const EMAIL_MODE_LABELS: Record<EmailMode, string> = { IMMEDIATELY: 'Immediately', DIGEST: 'In the 7 AM daily digest', NEVER: 'Never' };
