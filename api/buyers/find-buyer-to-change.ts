import type { PermissionAction } from '../../domain/auth/permissions';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { assertPermission } from '../permissions/assert-permission';
import { findBuyer } from './get-buyer';

/** A live buyer's row (404 otherwise) when the permission matrix lets `user` do `action` on it (403 otherwise). */
export async function findBuyerToChange(db: Db, buyerId: string, user: PublicUser, action: PermissionAction) {
  const buyer = await findBuyer(db, buyerId);
  assertPermission(user, action, { type: 'buyer', ownerId: buyer.ownerId });
  return buyer;
}
