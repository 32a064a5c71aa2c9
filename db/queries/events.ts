import type { Db } from '../client';
import { readRows } from '../read-rows';
import { Prisma, type Event } from '../../prisma/generated/client';

/** How many events the live stream reads at a time, when it polls and when it replays. */
export const EVENT_BATCH = 500;

/** Events after `afterId` (and up to `upToId`, when given), oldest first: a primary-key range read. */
export function eventsAfterSql(afterId: number, upToId: number | undefined, limit: number): Prisma.Sql {
  const upTo = upToId === undefined ? Prisma.empty : Prisma.sql` AND "id" <= ${upToId}`;
  return Prisma.sql`SELECT * FROM "Event" WHERE "id" > ${afterId}${upTo} ORDER BY "id" ASC LIMIT ${limit}`;
}

/** The next batch of events for the live stream: after `afterId`, up to `upToId` when replaying what was already streamed. */
export function readEventsAfter(db: Db, afterId: number, upToId?: number): Promise<Event[]> {
  return readRows<Event>(db, eventsAfterSql(afterId, upToId, EVENT_BATCH));
}

/** The id of the newest event, 0 when there is none: where a fresh stream starts. */
export async function newestEventId(db: Db): Promise<number> {
  const newest = await db.event.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
  return newest?.id ?? 0;
}

/** How many events an entity's history timeline shows at most. */
export const HISTORY_LIMIT = 500;

/** The events everyone may see about one entity, oldest first, by the entityType + entityId + id index. */
export const entityHistorySql = (entityType: string, entityId: string): Prisma.Sql =>
  Prisma.sql`SELECT * FROM "Event" WHERE "entityType" = ${entityType} AND "entityId" = ${entityId} AND "audienceUserId" IS NULL ORDER BY "id" ASC LIMIT ${HISTORY_LIMIT}`;

/** An entity's history timeline: its public Event rows, oldest first. */
export function readEntityHistory(db: Db, entityType: string, entityId: string): Promise<Event[]> {
  return readRows<Event>(db, entityHistorySql(entityType, entityId));
}
