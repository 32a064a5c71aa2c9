import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/client';
import { getSigningKey } from '../../db/writes/signing-key';

const signature = (secret: string, buyerId: string) => createHmac('sha256', secret).update(`unsubscribe:${buyerId}`).digest('base64url');

/** `<buyerId>.<signature>`: the link needs no sign-in, and nobody can make one for another buyer. */
export async function unsubscribeTokenFor(db: Db, buyerId: string): Promise<string> {
  return `${buyerId}.${signature(await getSigningKey(db, 'unsubscribe'), buyerId)}`;
}

/** The buyer id a token was signed for, or null when it was not signed here. */
export async function verifyUnsubscribeToken(db: Db, token: string): Promise<string | null> {
  const [buyerId, given, ...rest] = token.split('.');
  if (!buyerId || !given || rest.length > 0) return null;
  const expected = Buffer.from(signature(await getSigningKey(db, 'unsubscribe'), buyerId));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? buyerId : null;
}
