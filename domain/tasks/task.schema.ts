import { z } from 'zod';
import { pageQueryFields } from '../validation/fields';

export const TASK_TYPES = ['LEAD', 'BUYER', 'OFFER', 'ADMIN', 'FOLLOW_UP', 'SYSTEM'] as const;
export type TaskType = (typeof TASK_TYPES)[number];
export const TASK_PRIORITIES = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export const TASK_STATUSES = ['CREATED', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_REVIEW', 'COMPLETED', 'CANCELLED'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['CREATED', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_REVIEW'];

export const taskSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  type: z.enum(TASK_TYPES),
  priority: z.enum(TASK_PRIORITIES),
  status: z.enum(TASK_STATUSES),
  dueAt: z.string(),
  overdue: z.boolean(),
  assigneeId: z.string().nullable(),
  leadId: z.string().nullable(),
  buyerId: z.string().nullable(),
  offerId: z.string().nullable(),
  requiresReview: z.boolean(),
  parentTaskId: z.string().nullable(),
  createdAt: z.string(),
});
export type Task = z.infer<typeof taskSchema>;

export const createTaskInputSchema = z.object({
  title: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  description: z.string().trim().max(5_000, 'must be at most 5000 characters').optional(),
  type: z.enum(TASK_TYPES).default('FOLLOW_UP'),
  priority: z.enum(TASK_PRIORITIES).default('MEDIUM'),
  dueAt: z.iso.datetime({ offset: true, message: 'must be an ISO date-time' }),
  assigneeId: z.string().min(1).optional(),
  requiresReview: z.boolean().default(false),
  leadId: z.string().min(1).optional(),
  buyerId: z.string().min(1).optional(),
  offerId: z.string().min(1).optional(),
});
export type CreateTaskInput = z.infer<typeof createTaskInputSchema>;

export const listTasksQuerySchema = z.object({
  leadId: z.string().min(1).optional(),
  buyerId: z.string().min(1).optional(),
  offerId: z.string().min(1).optional(),
  assigneeId: z.string().min(1).optional(),
  ...pageQueryFields,
});
export type ListTasksQuery = z.infer<typeof listTasksQuerySchema>;
