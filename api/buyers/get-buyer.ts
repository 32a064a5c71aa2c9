import type { Db } from '../../db/client';
import { readBuyer } from '../../db/queries/buyer-list';
import { toBuyerJson, type BuyerJson } from '../../db/rows';
import { AppError } from '../errors';

/** The buyer's row; an archived buyer is as unknown as a missing one (404). */
export async function findBuyer(db: Db, buyerId: string) {
  const buyer = await readBuyer(db, buyerId);
  if (!buyer || buyer.archivedAt) throw new AppError('NOT_FOUND', `Buyer ${buyerId} does not exist`);
  return buyer;
}

/** `GET /api/buyers/:id`: a live buyer or an archived one (with `archivedAt`, so its page can unarchive it; a merged one links where it went). */
export async function getBuyer(db: Db, buyerId: string): Promise<BuyerJson> {
  const buyer = await readBuyer(db, buyerId);
  if (!buyer) throw new AppError('NOT_FOUND', `Buyer ${buyerId} does not exist`);
  return toBuyerJson(buyer);
}
