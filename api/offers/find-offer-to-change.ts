import type { PermissionAction } from '../../domain/auth/permissions';
import type { Offer } from '../../domain/offers/offer.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { assertPermission } from '../permissions/assert-permission';
import { findOffer } from './get-offer';

/**
 * A live offer's row (404 otherwise) when the permission matrix lets `user` do `action` on it
 * (403 otherwise): a purchase offer belongs with its lead's owner, a buyer's offer with acquisitions.
 */
export async function findOfferToChange(db: Db, offerId: string, user: PublicUser, action: PermissionAction) {
  const offer = await findOffer(db, offerId);
  const lead = await db.lead.findUnique({ where: { id: offer.leadId }, select: { ownerId: true } });
  assertPermission(user, action, { type: 'offer', kind: offer.kind as Offer['kind'], leadOwnerId: lead?.ownerId ?? null, createdById: offer.createdById });
  return offer;
}
