import type { UnsubscribePreview } from '../../domain/email/email-message.schema';
import type { Db } from '../../db/client';
import { recordEvent } from '../../db/writes/record-event';
import { toBuyerJson } from '../../db/rows';
import { AppError } from '../errors';
import { verifyUnsubscribeToken } from './unsubscribe-token';

async function buyerOfToken(db: Db, token: string) {
  const buyerId = await verifyUnsubscribeToken(db, token);
  const buyer = buyerId ? await db.buyer.findUnique({ where: { id: buyerId } }) : null;
  if (!buyer || buyer.archivedAt || !buyer.email) throw new AppError('NOT_FOUND', 'This unsubscribe link is not valid');
  return { ...buyer, email: buyer.email };
}

/** Who an unsubscribe link is for (the page asks before it acts: mail scanners follow links). */
export async function getUnsubscribe(db: Db, token: string): Promise<UnsubscribePreview> {
  const buyer = await buyerOfToken(db, token);
  return { name: buyer.name, email: buyer.email, unsubscribed: buyer.emailOptOutAt !== null };
}

/** Marks the buyer as not to be e-mailed; using the link again changes nothing. */
export async function unsubscribeBuyer(db: Db, token: string, now = new Date()): Promise<UnsubscribePreview> {
  const buyer = await buyerOfToken(db, token);
  if (!buyer.emailOptOutAt) {
    await db.$transaction(async (tx) => {
      const updated = await tx.buyer.update({ where: { id: buyer.id }, data: { emailOptOutAt: now } });
      await recordEvent(tx, { entityType: 'buyer', action: 'updated', entityId: buyer.id, entity: toBuyerJson(updated), actorId: null });
    });
  }
  return { name: buyer.name, email: buyer.email, unsubscribed: true };
}
