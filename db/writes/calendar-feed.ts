import type { Db } from '../client';
import { isUniqueViolation } from '../unique-violation';

/*
 * Prisma's upsert reads, then writes: on PostgreSQL two requests at once both find no row and the
 * second insert fails on the user's unique key (SQLite's single writer never let them overlap).
 * The loser then takes the row the winner wrote.
 */

/** The user's calendar link, made with `fresh` when they have none (two requests at once keep the first). */
export async function ensureCalendarFeed(db: Db, userId: string, fresh: { nonce: string; tokenHash: string }) {
  try {
    return await db.calendarFeed.upsert({ where: { userId }, create: { userId, ...fresh }, update: {} });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return db.calendarFeed.findUniqueOrThrow({ where: { userId } });
  }
}

/** A new link for the user: the old one stops working. */
export async function replaceCalendarFeed(db: Db, userId: string, fresh: { nonce: string; tokenHash: string }) {
  const data = { ...fresh, createdAt: new Date() };
  try {
    return await db.calendarFeed.upsert({ where: { userId }, create: { userId, ...fresh }, update: data });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return db.calendarFeed.update({ where: { userId }, data });
  }
}
