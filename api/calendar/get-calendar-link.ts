import type { Db } from '../../db/client';
import { ensureCalendarFeed, replaceCalendarFeed } from '../../db/writes/calendar-feed';
import { calendarTokenFor, calendarUrl, freshCalendarFeed } from './calendar-token';

/** The caller's private calendar URL, made on first ask. */
export async function getCalendarLink(db: Db, userId: string, appUrl: string): Promise<{ url: string }> {
  const feed = await ensureCalendarFeed(db, userId, await freshCalendarFeed(db, userId));
  return { url: calendarUrl(appUrl, await calendarTokenFor(db, userId, feed.nonce)) };
}

/** A new calendar URL for the caller; the old one answers 404 from now on. */
export async function resetCalendarLink(db: Db, userId: string, appUrl: string): Promise<{ url: string }> {
  const feed = await replaceCalendarFeed(db, userId, await freshCalendarFeed(db, userId));
  return { url: calendarUrl(appUrl, await calendarTokenFor(db, userId, feed.nonce)) };
}
