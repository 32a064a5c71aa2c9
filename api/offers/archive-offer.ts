import { OPEN_OFFER_STATUSES, type OfferStatus } from '../../domain/offers/offer.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { recordEvent } from '../../db/writes/record-event';
import { toOfferJson, type OfferJson } from '../../db/rows';
import { AppError } from '../errors';
import { findOfferToChange } from './find-offer-to-change';

/** Hides a closed offer from lists; a live one must be withdrawn first. */
export async function archiveOffer(db: Db, offerId: string, actor: PublicUser): Promise<OfferJson> {
  const offer = await findOfferToChange(db, offerId, actor, 'archive');
  if (OPEN_OFFER_STATUSES.includes(offer.status as OfferStatus)) throw new AppError('CONFLICT', 'Withdraw the offer before archiving it');
  const archived = await db.$transaction(async (tx) => {
    const row = await tx.offer.update({ where: { id: offerId }, data: { archivedAt: new Date() } });
    await recordEvent(tx, { entityType: 'offer', entityId: offerId, action: 'archived', entity: toOfferJson(row), actorId: actor.id });
    return row;
  });
  return toOfferJson(archived);
}
