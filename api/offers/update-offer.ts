import { anOffer, OPEN_OFFER_STATUSES, type OfferStatus, type UpdateOfferInput } from '../../domain/offers/offer.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { recordEvent } from '../../db/writes/record-event';
import { toOfferJson, type OfferJson } from '../../db/rows';
import { AppError } from '../errors';
import { findOfferToChange } from './find-offer-to-change';

/** New amount or terms while the offer is still negotiable; its status stays the workflow's. */
export async function updateOffer(db: Db, offerId: string, input: UpdateOfferInput, actor: PublicUser): Promise<OfferJson> {
  const offer = await findOfferToChange(db, offerId, actor, 'update');
  if (!OPEN_OFFER_STATUSES.includes(offer.status as OfferStatus)) throw new AppError('CONFLICT', `${anOffer(offer.status as OfferStatus)} can no longer change`);
  const updated = await db.$transaction(async (tx) => {
    const row = await tx.offer.update({ where: { id: offerId }, data: input });
    await recordEvent(tx, { entityType: 'offer', entityId: offerId, action: 'updated', entity: toOfferJson(row), actorId: actor.id });
    return row;
  });
  return toOfferJson(updated);
}
