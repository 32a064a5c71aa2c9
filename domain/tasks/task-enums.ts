// No zod here: the workflows import these, and every workflow run evaluates its modules again.
export const TASK_TYPES = ['LEAD', 'BUYER', 'OFFER', 'ADMIN', 'FOLLOW_UP', 'SYSTEM'] as const;
export type TaskType = (typeof TASK_TYPES)[number];
export const TASK_PRIORITIES = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export const TASK_STATUSES = ['CREATED', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_REVIEW', 'COMPLETED', 'CANCELLED'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** Statuses in which a task is still work to do (CANCELLED from any of them; edits only in them). */
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['CREATED', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_REVIEW'];
export const TASK_ACTIONS = ['start', 'submit', 'approve', 'reject', 'complete', 'cancel'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];
/** The task list's due-date filters. */
export const TASK_DUE_FILTERS = ['overdue', 'today', 'week'] as const;
