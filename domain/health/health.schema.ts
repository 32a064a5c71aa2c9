import { z } from 'zod';

const checkSchema = z.enum(['ok', 'down', 'unknown']).describe('`unknown` until the first background check has answered');

/** Records waiting for their workflow, per kind. */
export const workflowBacklogSchema = z.object({
  backlog: z.number().int().min(0).describe('leads, buyers, offers, tasks and documents whose workflow should run and has not started'),
  oldestCreatedAt: z.string().nullable().describe('creation time of the oldest of them'),
  oldestAgeMs: z.number().int().min(0).nullable().describe('how long the oldest has waited, at the check'),
  byKind: z.object({ lead: z.number().int(), buyer: z.number().int(), offer: z.number().int(), task: z.number().int(), document: z.number().int(), email: z.number().int(), import: z.number().int() }),
});

/**
 * `GET /api/health`: the latest results of checks the API runs in the background (it never waits
 * on a slow one). `status` is `ok` when the database and Temporal both answered.
 */
export const healthSchema = z.object({
  status: z.enum(['ok', 'down']),
  db: checkSchema,
  temporal: checkSchema,
  checkedAt: z.string().nullable().describe('when these results were taken'),
  reconciler: workflowBacklogSchema.nullable().describe('null until the database has answered'),
});
export type Health = z.infer<typeof healthSchema>;
export type WorkflowBacklog = z.infer<typeof workflowBacklogSchema>;
