import { z } from 'zod';
import { isoDateTime, listOf, optionalText, pageQueryFields } from '../validation/fields';
import { TASK_ACTIONS, TASK_DUE_FILTERS, TASK_PRIORITIES, TASK_STATUSES, TASK_TYPES } from './task-enums';

export { OPEN_TASK_STATUSES, TASK_ACTIONS, TASK_DUE_FILTERS, TASK_PRIORITIES, TASK_STATUSES, TASK_TYPES, type TaskAction, type TaskPriority, type TaskStatus, type TaskType } from './task-enums';

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
  createdById: z.string().nullable(),
  reviewedById: z.string().nullable(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Task = z.infer<typeof taskSchema>;
/** Every key of a task in a list, its subject included: what a `fields=` of tasks may name. */
export const TASK_LIST_KEYS: [keyof Task | 'subject', ...Array<keyof Task | 'subject'>] = ['subject', ...(Object.keys(taskSchema.shape) as Array<keyof Task>)];

const linkSchema = z.object({ id: z.string(), label: z.string() }).nullable();

/** `GET /api/tasks/:id`: the task, who and what it concerns, and what the signed-in user may do with it. */
export const taskDetailSchema = taskSchema.extend({
  assignee: linkSchema,
  lead: linkSchema,
  buyer: linkSchema,
  offer: linkSchema,
  parentTask: linkSchema,
  allowedActions: z.array(z.enum(TASK_ACTIONS)),
  /** The latest recorded change: who made it (null for automation), what, and the reason they gave. */
  lastChange: z.object({ by: z.string().nullable(), action: z.string(), reason: z.string().nullable(), at: z.string() }).nullable(),
});
export type TaskDetail = z.infer<typeof taskDetailSchema>;

const dueAtField = isoDateTime();

export const createTaskInputSchema = z
  .object({
    title: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
    description: optionalText(5_000),
    type: z.enum(TASK_TYPES).default('FOLLOW_UP'),
    priority: z.enum(TASK_PRIORITIES).default('MEDIUM'),
    dueAt: dueAtField,
    /** A `dueAt` before now is refused unless this says it is meant (see past-due.ts). */
    allowPastDue: z.boolean().optional(),
    assigneeId: z.string().min(1).optional(),
    requiresReview: z.boolean().default(false),
    leadId: z.string().min(1).optional(),
    buyerId: z.string().min(1).optional(),
    offerId: z.string().min(1).optional(),
  })
  // A field the task does not take (status, createdById…) is a 400 naming it, not ignored.
  .strict();
export type CreateTaskInput = z.infer<typeof createTaskInputSchema>;

export const TASK_VIEWS = ['mine', 'team', 'review'] as const;
export const TASK_SORTS = ['dueAt', '-dueAt', 'priority', '-priority', 'createdAt', '-createdAt'] as const;

export const listTasksQuerySchema = z.object({
  /** mine: assigned to me; team: everyone's; review: PENDING_REVIEW (the supervisor's queue). */
  view: z.enum(TASK_VIEWS, { error: `must be one of: ${TASK_VIEWS.join(', ')}` }).optional(),
  status: listOf(TASK_STATUSES, 'statuses').optional(),
  priority: listOf(TASK_PRIORITIES, 'priorities').optional(),
  type: listOf(TASK_TYPES, 'types').optional(),
  /** overdue: open and past due; today / week: due before the end of the user's day / 7 days from `dayStart`. */
  due: z.enum(TASK_DUE_FILTERS, { error: `must be one of: ${TASK_DUE_FILTERS.join(', ')}` }).optional(),
  /** The start of the user's day in their time zone; the server's midnight when absent. */
  dayStart: dueAtField.optional(),
  /** Due-date window, for the calendar. */
  dueFrom: dueAtField.optional(),
  dueTo: dueAtField.optional(),
  sort: z.enum(TASK_SORTS, { error: `must be one of: ${TASK_SORTS.join(', ')}` }).default('dueAt'),
  leadId: z.string().min(1).optional(),
  buyerId: z.string().min(1).optional(),
  offerId: z.string().min(1).optional(),
  assigneeId: z.string().min(1).optional(),
  /** Each task with only these keys and its id (the page asks for what it shows). */
  fields: listOf(TASK_LIST_KEYS, 'fields').optional(),
  ...pageQueryFields,
});
export type ListTasksQuery = z.infer<typeof listTasksQuerySchema>;

export const transitionTaskInputSchema = z
  .object({
    action: z.enum(TASK_ACTIONS, { error: `must be one of: ${TASK_ACTIONS.join(', ')}` }),
    reason: z.string().trim().max(2_000, 'must be at most 2000 characters').optional(),
  })
  .strict();
export type TransitionTaskInput = z.infer<typeof transitionTaskInputSchema>;

// What a task is stays as created: the task page edits only assignee, due date and priority, and
// the task's workflow has no Update for the rest. Naming one is a 400, not a 200 that drops it.
// z.unknown refused, not z.never: the OpenAPI document cannot draw a never.
const keptAsCreated = z
  .unknown()
  // abort: the body's own check (it changes nothing) does not pile on.
  .refine(() => false, { message: 'cannot be changed here', abort: true })
  .optional()
  .meta({ description: 'Cannot be changed here: the task keeps it as created' });

/**
 * Reassign, reschedule, reprioritise: each given field is one Update of `task-<id>`. Title,
 * description, type, status, review and what the task is about cannot be changed here (status
 * changes through `POST /api/tasks/:id/transition`); any other field is refused too.
 */
export const updateTaskInputSchema = z
  .object({
    assigneeId: z.string().min(1, 'is required').optional(),
    dueAt: dueAtField.optional(),
    allowPastDue: z.boolean().optional(),
    priority: z.enum(TASK_PRIORITIES).optional(),
    title: keptAsCreated,
    description: keptAsCreated,
    type: keptAsCreated,
    status: keptAsCreated,
    requiresReview: keptAsCreated,
    leadId: keptAsCreated,
    buyerId: keptAsCreated,
    offerId: keptAsCreated,
  })
  .strict()
  // No path: the body as a whole changes nothing, not the assignee.
  .refine((input) => input.assigneeId !== undefined || input.dueAt !== undefined || input.priority !== undefined, {
    message: 'changes nothing: give an assignee, a due date or a priority',
  });
/** What a PATCH changes: the refused fields are never set. */
export type UpdateTaskInput = Pick<z.infer<typeof updateTaskInputSchema>, 'assigneeId' | 'dueAt' | 'allowPastDue' | 'priority'>;

export const addTaskNoteInputSchema = z
  .object({
    body: z.string().trim().min(1, 'is required').max(10_000, 'must be at most 10000 characters'),
  })
  .strict();

/** A child task carrying over the parent's lead, buyer and offer. */
export const createFollowUpInputSchema = z
  .object({
    title: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
    description: optionalText(5_000),
    priority: z.enum(TASK_PRIORITIES).default('MEDIUM'),
    dueAt: dueAtField,
    allowPastDue: z.boolean().optional(),
    assigneeId: z.string().min(1).optional(),
  })
  // Its lead, buyer and offer are the parent's: naming one is a 400, not ignored.
  .strict();
export type CreateFollowUpInput = z.infer<typeof createFollowUpInputSchema>;

export const BULK_TASK_ACTIONS = ['reassign', 'complete', 'cancel'] as const;
export const bulkTaskInputSchema = z
  .object({
    ids: z.array(z.string().min(1)).min(1, 'must name at least one task').max(100, 'must name at most 100 tasks'),
    action: z.enum(BULK_TASK_ACTIONS, { error: `must be one of: ${BULK_TASK_ACTIONS.join(', ')}` }),
    assigneeId: z.string().min(1).optional(),
  })
  .strict()
  .refine((input) => input.action !== 'reassign' || input.assigneeId !== undefined, {
    message: 'is required to reassign',
    path: ['assigneeId'],
  });
export type BulkTaskInput = z.infer<typeof bulkTaskInputSchema>;
/** One result per id: a task the workflow refused does not stop the others. */
export const bulkTaskResultSchema = z.object({
  results: z.array(z.object({ id: z.string(), ok: z.boolean(), error: z.string().optional(), task: taskDetailSchema.optional() })),
});
export type BulkTaskResult = z.infer<typeof bulkTaskResultSchema>;

export const suggestAssigneeQuerySchema = z.object({
  type: z.enum(TASK_TYPES).default('FOLLOW_UP'),
  leadId: z.string().min(1).optional(),
  buyerId: z.string().min(1).optional(),
  offerId: z.string().min(1).optional(),
});
export const suggestedAssigneeSchema = z.object({
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Which assignment rule chose them, in words (see `assignmentRuleFor`). */
  rule: z.string(),
});
export type SuggestedAssignee = z.infer<typeof suggestedAssigneeSchema>;
