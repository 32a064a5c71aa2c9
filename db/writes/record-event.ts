import type { Event, Prisma } from '../../prisma/generated/client';
import type { EventChange } from '../../domain/events/event-payloads';
import { dialectOf } from '../queries/dialect';
import { insertRow } from './insert-rows';

/**
 * An event to record: its name (entity type + action, only names listed in EVENT_NAMES, so
 * browsers know to listen for them) with that name's payload, and who did it and may see it.
 */
export type EventInput = EventChange & {
  entityId: string;
  actorId?: string | null;
  audienceUserId?: string | null;
  /** Unique per change, so an activity that runs twice can see it already wrote this one. */
  dedupeKey?: string;
};

/** The PostgreSQL channel every Event commit is announced on (db/listen-commits.ts wakes the API's event hub). */
export const EVENTS_CHANNEL = 'flipstackk_events';

/**
 * Writes the Event row of a state change; call it inside the transaction that makes the change.
 *
 * On PostgreSQL it first queues a NOTIFY, which the server delivers to every listening API process
 * when (and only if) the transaction commits, and makes sure the transaction has its id before the
 * Event's id is drawn: the live stream waits for the transactions a read's snapshot lists as in
 * progress before it passes a missing id (db/queries/committed-events.ts), and a transaction
 * without an id of its own is not listed.
 */
export async function recordEvent(tx: Prisma.TransactionClient, input: EventInput): Promise<Event> {
  if (dialectOf(tx) === 'postgres') await tx.$executeRawUnsafe(`SELECT pg_current_xact_id(), pg_notify('${EVENTS_CHANNEL}', '')`);
  return insertRow<Event>(tx, 'Event', {
    createdAt: new Date(),
    entityType: input.entityType,
    entityId: input.entityId,
    action: input.action,
    payload: JSON.stringify(input.entity),
    actorId: input.actorId ?? null,
    audienceUserId: input.audienceUserId ?? null,
    dedupeKey: input.dedupeKey ?? null,
  });
}
