import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { recordEvent } from '../../db/writes/record-event';
import { toBuyerJson, type BuyerJson } from '../../db/rows';
import { findBuyerToChange } from './find-buyer-to-change';

/** Hides the buyer from lists and matching, with a `buyer.archived` event. */
export async function archiveBuyer(db: Db, buyerId: string, actor: PublicUser): Promise<BuyerJson> {
  await findBuyerToChange(db, buyerId, actor, 'archive');
  const archived = await db.$transaction(async (tx) => {
    const row = await tx.buyer.update({ where: { id: buyerId }, data: { archivedAt: new Date() } });
    await recordEvent(tx, { entityType: 'buyer', entityId: buyerId, action: 'archived', entity: toBuyerJson(row), actorId: actor.id });
    return row;
  });
  return toBuyerJson(archived);
}
