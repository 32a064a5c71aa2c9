import type { Db } from '../../db/client';
import { toOfferJson, type OfferJson } from '../../db/rows';
import { AppError } from '../errors';

/** The offer's row; an archived offer is as unknown as a missing one (404). */
export async function findOffer(db: Db, offerId: string) {
  const offer = await db.offer.findUnique({ where: { id: offerId } });
  if (!offer || offer.archivedAt) throw new AppError('NOT_FOUND', `Offer ${offerId} does not exist`);
  return offer;
}

export async function getOffer(db: Db, offerId: string): Promise<OfferJson> {
  return toOfferJson(await findOffer(db, offerId));
}
