import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client';
import { getSigningKey } from '../../db/writes/signing-key';

/** The link's token: an HMAC of the user and the nonce under this installation's calendar key (256 bits). */
export async function calendarTokenFor(db: Db, userId: string, nonce: string): Promise<string> {
  return createHmac('sha256', await getSigningKey(db, 'calendar')).update(`calendar:${userId}:${nonce}`).digest('base64url');
}

export const hashCalendarToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A new nonce and the hash of the token it gives: what the CalendarFeed row keeps. */
export async function freshCalendarFeed(db: Db, userId: string): Promise<{ nonce: string; tokenHash: string }> {
  const nonce = randomBytes(16).toString('base64url');
  return { nonce, tokenHash: hashCalendarToken(await calendarTokenFor(db, userId, nonce)) };
}

export const calendarUrl = (appUrl: string, token: string): string => `${appUrl}/api/calendar/${token}.ics`;
