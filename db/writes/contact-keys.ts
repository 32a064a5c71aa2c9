import { addressKey } from '../../domain/leads/address-key';
import { buyerKey } from '../../domain/buyers/buyer-key';
import type { Db } from '../client';

type LeadAddress = { street: string; zip: string };
type BuyerContact = { email?: string | null; phone?: string | null };

/** The `addressKey` column for a lead being created. */
export const leadKeyData = (lead: LeadAddress): { addressKey: string } => ({ addressKey: addressKey(lead) });

/** The `addressKey` column for a lead whose street or zip changes (nothing when neither does). */
export function changedLeadKeyData(before: LeadAddress, change: Partial<LeadAddress>): { addressKey?: string } {
  if (change.street === undefined && change.zip === undefined) return {};
  return { addressKey: addressKey({ street: change.street ?? before.street, zip: change.zip ?? before.zip }) };
}

/** The `contactKey` column for a buyer being created. */
export const buyerKeyData = (buyer: BuyerContact): { contactKey: string | null } => ({ contactKey: buyerKey(buyer) });

/** The `contactKey` column for a buyer whose e-mail or phone changes (nothing when neither does). */
export function changedBuyerKeyData(before: BuyerContact, change: BuyerContact): { contactKey?: string | null } {
  if (change.email === undefined && change.phone === undefined) return {};
  return { contactKey: buyerKey({ email: change.email === undefined ? before.email : change.email, phone: change.phone === undefined ? before.phone : change.phone }) };
}

const BACKFILL_PAGE = 1000;

/**
 * Writes the keys of leads and buyers saved before the keys existed (or by a writer that does not
 * set them), a page per transaction. Run at API start: a migration is SQL and cannot run the rule.
 * Only rows whose key is NULL are read, so a second run finds nothing and costs one indexed query.
 */
export async function backfillContactKeys(db: Db): Promise<{ leads: number; buyers: number }> {
  let leads = 0;
  for (;;) {
    const rows = await db.$queryRaw<Array<{ id: string; street: string; zip: string }>>`SELECT "id", "street", "zip" FROM "Lead" WHERE "addressKey" IS NULL LIMIT ${BACKFILL_PAGE}`;
    if (rows.length === 0) break;
    await db.$transaction(rows.map((row) => db.$executeRaw`UPDATE "Lead" SET "addressKey" = ${addressKey(row)} WHERE "id" = ${row.id}`));
    leads += rows.length;
  }
  let buyers = 0;
  // A buyer with neither e-mail nor phone keeps a NULL key: page past those by id.
  let after = '';
  for (;;) {
    const rows = await db.$queryRaw<Array<{ id: string; email: string | null; phone: string | null }>>`SELECT "id", "email", "phone" FROM "Buyer"
      WHERE "contactKey" IS NULL AND "id" > ${after} AND ("email" IS NOT NULL OR "phone" IS NOT NULL) ORDER BY "id" LIMIT ${BACKFILL_PAGE}`;
    if (rows.length === 0) break;
    await db.$transaction(rows.map((row) => db.$executeRaw`UPDATE "Buyer" SET "contactKey" = ${buyerKey(row)} WHERE "id" = ${row.id}`));
    buyers += rows.filter((row) => buyerKey(row) !== null).length;
    after = rows[rows.length - 1]!.id;
  }
  return { leads, buyers };
}
