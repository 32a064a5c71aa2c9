import type { Db } from '../client';

/** A live (not archived) lead with this address key, the oldest; null when none. */
export async function findLeadWithAddressKey(db: Db, addressKey: string): Promise<{ id: string } | null> {
  return db.lead.findFirst({ where: { addressKey, archivedAt: null }, orderBy: { createdAt: 'asc' }, select: { id: true } });
}

/** A live buyer with this contact key, the oldest; null when none (or no key). */
export async function findBuyerWithContactKey(db: Db, contactKey: string | null): Promise<{ id: string } | null> {
  if (!contactKey) return null;
  return db.buyer.findFirst({ where: { contactKey, archivedAt: null }, orderBy: { createdAt: 'asc' }, select: { id: true } });
}
