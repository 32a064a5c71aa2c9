import { z } from 'zod';
import { queryInt } from '../validation/fields';
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

/**
 * Response header of every API answer: the newest event the server had streamed when it began the
 * answer. Anything read from the database after that is current up to it, so a stream resumed from
 * it (`?lastEventId=`) brings every change the answer could have missed.
 */
export const EVENTS_THROUGH_HEADER = 'X-Events-Through';

/** `GET /api/events?lastEventId=`: the stream, resumed after that event (the `Last-Event-ID` header wins). */
export const eventStreamQuerySchema = z.object({ lastEventId: z.string().regex(/^\d{1,15}$/, 'must be an event id').optional() });

/** `GET /api/events/recent?limit=`: the activity feed's first page. */
export const recentEventsQuerySchema = z.object({ limit: queryInt(1, 200).default(30) });
