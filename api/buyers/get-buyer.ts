import type { Db } from '../../db/client';
import { toBuyerJson, type BuyerJson } from '../../db/rows';
import { AppError } from '../errors';

/** The buyer's row; an archived buyer is as unknown as a missing one (404). */
export async function findBuyer(db: Db, buyerId: string) {
  const buyer = await db.buyer.findUnique({ where: { id: buyerId } });
  if (!buyer || buyer.archivedAt) throw new AppError('NOT_FOUND', `Buyer ${buyerId} does not exist`);
  return buyer;
}

export async function getBuyer(db: Db, buyerId: string): Promise<BuyerJson> {
  return toBuyerJson(await findBuyer(db, buyerId));
}
