import { z } from 'zod';
import { ENTITY_TYPES, EVENT_NAMES } from './event-name';

/**
 * One change as the server sends it: the `data:` of an SSE message (whose `event:` is `name`
 * and `id:` is `id`), an activity feed item and a history line. `entity` is the changed
 * entity's JSON as of the change.
 */
export const liveEventSchema = z.object({
  id: z.number(),
  name: z.enum(EVENT_NAMES),
  entityType: z.enum(ENTITY_TYPES),
  entityId: z.string(),
  action: z.string(),
  actorId: z.string().nullable(),
  createdAt: z.string(),
  entity: z.record(z.string(), z.unknown()),
});
export type LiveEvent = z.infer<typeof liveEventSchema>;
