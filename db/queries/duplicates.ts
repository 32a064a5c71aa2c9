import { phoneDigits } from '../../domain/buyers/buyer-key';
import { zip5 } from '../../domain/leads/address-key';
import { Prisma, type Buyer, type Lead } from '../../prisma/generated/client';
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

/** At most this many possible duplicates are shown on a page. */
const DUPLICATES_LIMIT = 20;

/** `column` with the characters people type around a phone number's digits taken out. */
const digitsOf = (column: string): Prisma.Sql =>
  Prisma.raw(`REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE("${column}", '(', ''), ')', ''), '-', ''), ' ', ''), '.', ''), '+', '')`);

/**
 * Live leads other than `lead` with its address key, or in its ZIP (by the zip index, ZIP+4
 * included) with the same phone digits or the same owner name; the caller says why each matches.
 */
export async function findLeadDuplicateCandidates(db: Db, lead: { id: string; addressKey: string | null; zip: string; sellerPhone: string | null; sellerName: string }): Promise<Lead[]> {
  const zip = zip5(lead.zip);
  const digits = phoneDigits(lead.sellerPhone);
  const name = lead.sellerName.trim().toLowerCase().replace(/\s+/g, ' ');
  const byKey = lead.addressKey ? Prisma.sql`SELECT * FROM "Lead" WHERE "addressKey" = ${lead.addressKey}` : null;
  const nextZip = String(Number(zip) + 1).padStart(5, '0');
  const phoneTerm = digits.length >= 7 ? Prisma.sql`${digitsOf('sellerPhone')} IN (${digits}, ${`1${digits}`})` : Prisma.sql`0`;
  const byZip = /^\d{5}$/.test(zip)
    ? Prisma.sql`SELECT * FROM "Lead" WHERE "zip" >= ${zip} AND "zip" < ${nextZip} AND (${phoneTerm} OR REPLACE(REPLACE(LOWER(TRIM("sellerName")), '   ', ' '), '  ', ' ') = ${name})`
    : null;
  const parts = [byKey, byZip].filter((part): part is Prisma.Sql => part !== null);
  if (parts.length === 0) return [];
  return db.$queryRaw<Lead[]>(Prisma.sql`SELECT * FROM (${Prisma.join(parts, ' UNION ')})
    WHERE "id" <> ${lead.id} AND "archivedAt" IS NULL ORDER BY "createdAt" ASC LIMIT ${DUPLICATES_LIMIT}`);
}

/** Live buyers other than `buyer` with its contact key, its e-mail or its phone (the caller says why each matches). */
export async function findBuyerDuplicateCandidates(db: Db, buyer: { id: string; contactKey: string | null; email: string | null; phone: string | null }): Promise<Buyer[]> {
  const email = (buyer.email ?? '').trim().toLowerCase();
  const digits = phoneDigits(buyer.phone);
  const keys = [buyer.contactKey, email ? `email:${email}` : null, digits.length >= 7 ? `phone:${digits}` : null].filter((key): key is string => Boolean(key));
  const terms = [
    ...(keys.length > 0 ? [Prisma.sql`"contactKey" IN (${Prisma.join(keys)})`] : []),
    ...(email ? [Prisma.sql`LOWER(TRIM("email")) = ${email}`] : []),
    ...(digits.length >= 7 ? [Prisma.sql`${digitsOf('phone')} IN (${digits}, ${`1${digits}`})`] : []),
  ];
  if (terms.length === 0) return [];
  return db.$queryRaw<Buyer[]>(Prisma.sql`SELECT * FROM "Buyer"
    WHERE "id" <> ${buyer.id} AND "archivedAt" IS NULL AND (${Prisma.join(terms, ' OR ')}) ORDER BY "createdAt" ASC LIMIT ${DUPLICATES_LIMIT}`);
}

/** The records merged into `id`, and those merged into them in turn (a survivor's history shows theirs). */
export async function listMergedSourceIds(db: Db, kind: 'lead' | 'buyer', id: string): Promise<string[]> {
  const found: string[] = [];
  let frontier = [id];
  // A merge chain is short; the bound only guards against a cycle written by hand.
  for (let depth = 0; depth < 10 && frontier.length > 0; depth += 1) {
    const rows = kind === 'lead'
      ? await db.lead.findMany({ where: { mergedIntoId: { in: frontier } }, select: { id: true } })
      : await db.buyer.findMany({ where: { mergedIntoId: { in: frontier } }, select: { id: true } });
    frontier = rows.map((row) => row.id).filter((next) => next !== id && !found.includes(next));
    found.push(...frontier);
  }
  return found;
}
