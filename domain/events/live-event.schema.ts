import { z } from 'zod';
import { queryInt } from '../validation/fields';
import { ENTITY_TYPES, EVENT_NAMES } from './event-name';

export { EVENTS_THROUGH_HEADER } from './events-through-header';

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

/** `GET /api/events?lastEventId=`: the stream, resumed after that event (the `Last-Event-ID` header wins). */
export const eventStreamQuerySchema = z.object({ lastEventId: z.string().regex(/^\d{1,15}$/, 'must be an event id').optional() });

/** `GET /api/events/recent?limit=`: the activity feed's first page. */
export const recentEventsQuerySchema = z.object({ limit: queryInt(1, 200).default(30) });
