import type { Db } from '../client';

/** The user's calendar link, made with `fresh` when they have none (two requests at once keep the first). */
export function ensureCalendarFeed(db: Db, userId: string, fresh: { nonce: string; tokenHash: string }) {
  return db.calendarFeed.upsert({ where: { userId }, create: { userId, ...fresh }, update: {} });
}

/** A new link for the user: the old one stops working. */
export function replaceCalendarFeed(db: Db, userId: string, fresh: { nonce: string; tokenHash: string }) {
  return db.calendarFeed.upsert({ where: { userId }, create: { userId, ...fresh }, update: { ...fresh, createdAt: new Date() } });
}
