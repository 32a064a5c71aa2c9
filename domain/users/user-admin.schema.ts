import { z } from 'zod';
import { userSchema } from './user.schema';

/** `POST /api/users/:id/deactivate`: who takes over the user's open leads (required when there are any). */
export const deactivateUserInputSchema = z.object({ leadsTo: z.string().trim().min(1, 'must name a user').max(100).optional() }).strict();
export type DeactivateUserInput = z.infer<typeof deactivateUserInputSchema>;

/**
 * What deactivating did: the leads that moved, and each open task with its new assignee. A task
 * Temporal could not reassign (down, or the task closed meanwhile) is listed with the reason;
 * deactivating the same user again retries it.
 */
export const deactivationSchema = z.object({
  user: userSchema,
  movedLeadIds: z.array(z.string()),
  reassignedTasks: z.array(z.object({ taskId: z.string(), assigneeId: z.string() })),
  unassignedTasks: z.array(z.object({ taskId: z.string(), reason: z.string() })),
});
export type Deactivation = z.infer<typeof deactivationSchema>;

/** What a user holds, for the deactivate dialog: open leads move to someone picked, open tasks follow the rules. */
export const userWorkloadSchema = z.object({ openLeads: z.number().int(), openTasks: z.number().int() });
export type UserWorkload = z.infer<typeof userWorkloadSchema>;
