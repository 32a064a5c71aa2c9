import { z } from 'zod';

/**
 * `GET /api/ready`: whether this API process can serve its whole job now. 200 only when the
 * database answers, Temporal answers and at least one worker has polled the task queue lately;
 * 503 otherwise, the fields saying which is missing.
 */
export const readySchema = z.object({
  ready: z.boolean(),
  database: z.enum(['ok', 'down']),
  temporal: z.enum(['ok', 'down']),
  workers: z.enum(['ok', 'none', 'unknown']).describe('`none`: no worker polled the task queue lately; `unknown` while Temporal is down'),
  pollers: z.number().int().min(0).describe('workers that polled the task queue lately'),
});
export type Ready = z.infer<typeof readySchema>;
