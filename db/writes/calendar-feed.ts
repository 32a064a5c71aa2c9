import type { Db } from '../client';
import { onUniqueConflict } from '../unique-violation';

/** The user's calendar link, made with `fresh` when they have none (two requests at once keep the first). */
export function ensureCalendarFeed(db: Db, userId: string, fresh: { nonce: string; tokenHash: string }) {
  return onUniqueConflict(
    () => db.calendarFeed.upsert({ where: { userId }, create: { userId, ...fresh }, update: {} }),
    () => db.calendarFeed.findUniqueOrThrow({ where: { userId } }),
  );
}

/** A new link for the user: the old one stops working. */
export function replaceCalendarFeed(db: Db, userId: string, fresh: { nonce: string; tokenHash: string }) {
  const data = { ...fresh, createdAt: new Date() };
  return onUniqueConflict(
    () => db.calendarFeed.upsert({ where: { userId }, create: { userId, ...fresh }, update: data }),
    () => db.calendarFeed.update({ where: { userId }, data }),
  );
}
