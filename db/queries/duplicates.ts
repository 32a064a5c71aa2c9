import { phoneDigits } from '../../domain/buyers/buyer-key';
import { zip5 } from '../../domain/leads/address-key';
import { Prisma, type Buyer, type Lead } from '../../prisma/generated/client';
import type { Db } from '../client';
import { readRows } from '../read-rows';
import { dialectOf, drivenByIds, indexedBy, type Dialect } from './dialect';
import { idIn } from './sql';

/**
 * A live (not archived) lead with this address key, the oldest; null when none. Read from the key's
 * rows: without statistics SQLite walked every live lead oldest first (the archivedAt, createdAt
 * index) looking for the key, all 100k of them for a new address.
 */
export async function findLeadWithAddressKey(db: Db, addressKey: string): Promise<{ id: string } | null> {
  const [row] = await readRows<{ id: string }>(db, leadWithAddressKeySql(addressKey, dialectOf(db)));
  return row ?? null;
}

export const leadWithAddressKeySql = (addressKey: string, dialect: Dialect): Prisma.Sql => Prisma.sql`SELECT "id" FROM "Lead"${indexedBy(dialect, 'Lead_addressKey_idx')}
  WHERE "addressKey" = ${addressKey} AND "archivedAt" IS NULL ORDER BY "createdAt" ASC LIMIT 1`;

/** Address keys per read: the IN list of one query stays well under every dialect's bound-parameter limit. */
const KEYS_PER_READ = 500;

/**
 * The live lead with each of these address keys, the oldest where several share one (an import's
 * duplicates): read from the keys' rows of the addressKey index, as above, where Prisma's
 * `findMany` walked every live lead.
 */
export async function findLiveLeadsByAddressKey(db: Db | Prisma.TransactionClient, addressKeys: Iterable<string>): Promise<Map<string, Lead>> {
  const keys = [...new Set(addressKeys)];
  const byKey = new Map<string, Lead>();
  for (let start = 0; start < keys.length; start += KEYS_PER_READ) {
    for (const lead of await readRows<Lead>(db, leadsWithAddressKeysSql(keys.slice(start, start + KEYS_PER_READ), dialectOf(db)))) {
      if (lead.addressKey && !byKey.has(lead.addressKey)) byKey.set(lead.addressKey, lead);
    }
  }
  return byKey;
}

export const leadsWithAddressKeysSql = (addressKeys: readonly string[], dialect: Dialect): Prisma.Sql => Prisma.sql`SELECT * FROM "Lead"${indexedBy(dialect, 'Lead_addressKey_idx')}
  WHERE ${idIn(Prisma.sql`"addressKey"`, addressKeys, dialect)} AND "archivedAt" IS NULL ORDER BY "createdAt" ASC`;

/** A live buyer with this contact key, the oldest; null when none (or no key). Read from the key's rows, as for leads. */
export async function findBuyerWithContactKey(db: Db, contactKey: string | null): Promise<{ id: string } | null> {
  if (!contactKey) return null;
  const [row] = await readRows<{ id: string }>(db, buyerWithContactKeySql(contactKey, dialectOf(db)));
  return row ?? null;
}

export const buyerWithContactKeySql = (contactKey: string, dialect: Dialect): Prisma.Sql => Prisma.sql`SELECT "id" FROM "Buyer"${indexedBy(dialect, 'Buyer_contactKey_idx')}
  WHERE "contactKey" = ${contactKey} AND "archivedAt" IS NULL ORDER BY "createdAt" ASC LIMIT 1`;

/** At most this many possible duplicates are shown on a page. */
const DUPLICATES_LIMIT = 20;

/** `column` with the characters people type around a phone number's digits taken out. */
const digitsOf = (column: string): Prisma.Sql =>
  Prisma.raw(`REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE("${column}", '(', ''), ')', ''), '-', ''), ' ', ''), '.', ''), '+', '')`);

type LeadContact = { id: string; addressKey: string | null; zip: string; sellerPhone: string | null; sellerName: string };

/**
 * Live leads other than `lead` with its address key, or in its ZIP (by the zip index, ZIP+4
 * included) with the same phone digits or the same owner name; the caller says why each matches.
 */
export async function findLeadDuplicateCandidates(db: Db, lead: LeadContact): Promise<Lead[]> {
  const sql = leadDuplicatesSql(lead, dialectOf(db));
  return sql ? readRows<Lead>(db, sql) : [];
}

/**
 * The read behind findLeadDuplicateCandidates; null when the lead has nothing to match on. The ZIP's
 * rows are named by index: SQLite moved the outer "not archived" into that part and walked every
 * live lead oldest first (50 ms on every lead page at 100k leads, the API's one thread held). On
 * SQLite that index also holds the seller's phone and name, so the ZIP's entries are tested without
 * reading their rows.
 */
export function leadDuplicatesSql(lead: LeadContact, dialect: Dialect): Prisma.Sql | null {
  const zip = zip5(lead.zip);
  const digits = phoneDigits(lead.sellerPhone);
  const name = lead.sellerName.trim().toLowerCase().replace(/\s+/g, ' ');
  const byKey = lead.addressKey ? Prisma.sql`SELECT * FROM "Lead" WHERE "addressKey" = ${lead.addressKey}` : null;
  const nextZip = String(Number(zip) + 1).padStart(5, '0');
  const phoneTerm = digits.length >= 7 ? Prisma.sql`${digitsOf('sellerPhone')} IN (${digits}, ${`1${digits}`})` : Prisma.sql`FALSE`;
  const byZip = /^\d{5}$/.test(zip)
    ? Prisma.sql`SELECT * FROM "Lead"${indexedBy(dialect, 'Lead_match_zip_idx')} WHERE "zip" >= ${zip} AND "zip" < ${nextZip} AND (${phoneTerm} OR REPLACE(REPLACE(LOWER(TRIM("sellerName")), '   ', ' '), '  ', ' ') = ${name})`
    : null;
  const parts = [byKey, byZip].filter((part): part is Prisma.Sql => part !== null);
  if (parts.length === 0) return null;
  return Prisma.sql`SELECT * FROM (${Prisma.join(parts, ' UNION ')}) AS candidates
    WHERE "id" <> ${lead.id} AND "archivedAt" IS NULL ORDER BY "createdAt" ASC LIMIT ${DUPLICATES_LIMIT}`;
}

type BuyerContact = { id: string; contactKey: string | null; email: string | null; phone: string | null };

/** Live buyers other than `buyer` with its contact key, its e-mail or its phone (the caller says why each matches). */
export async function findBuyerDuplicateCandidates(db: Db, buyer: BuyerContact): Promise<Buyer[]> {
  const sql = buyerDuplicatesSql(buyer, dialectOf(db));
  return sql ? readRows<Buyer>(db, sql) : [];
}

/** The read behind findBuyerDuplicateCandidates; null when the buyer has nothing to match on. */
export function buyerDuplicatesSql(buyer: BuyerContact, dialect: Dialect): Prisma.Sql | null {
  const email = (buyer.email ?? '').trim().toLowerCase();
  const digits = phoneDigits(buyer.phone);
  const keys = [buyer.contactKey, email ? `email:${email}` : null, digits.length >= 7 ? `phone:${digits}` : null].filter((key): key is string => Boolean(key));
  // Each way of matching is one lookup in its own index (the e-mail and phone-digit expressions are
  // indexed as written here, buyer_duplicate_indexes): an OR of them in one WHERE read every live buyer.
  const lookups = [
    ...(keys.length > 0 ? [Prisma.sql`SELECT "id" FROM "Buyer" WHERE "contactKey" IN (${Prisma.join(keys)})`] : []),
    ...(email ? [Prisma.sql`SELECT "id" FROM "Buyer" WHERE LOWER(TRIM("email")) = ${email}`] : []),
    ...(digits.length >= 7 ? [Prisma.sql`SELECT "id" FROM "Buyer" WHERE ${digitsOf('phone')} IN (${digits}, ${`1${digits}`})`] : []),
  ];
  if (lookups.length === 0) return null;
  return Prisma.sql`SELECT b.* FROM ${drivenByIds(dialect, Prisma.join(lookups, ' UNION '), 'Buyer', 'b')}
    WHERE b."id" <> ${buyer.id} AND b."archivedAt" IS NULL ORDER BY b."createdAt" ASC LIMIT ${DUPLICATES_LIMIT}`;
}

/** The records merged into `id`, and those merged into them in turn (a survivor's history shows theirs). */
export async function listMergedSourceIds(db: Db, kind: 'lead' | 'buyer', id: string): Promise<string[]> {
  const found: string[] = [];
  let frontier = [id];
  // A merge chain is short; the bound only guards against a cycle written by hand.
  for (let depth = 0; depth < 10 && frontier.length > 0; depth += 1) {
    const rows = await readRows<{ id: string }>(db, Prisma.sql`SELECT "id" FROM ${Prisma.raw(kind === 'lead' ? '"Lead"' : '"Buyer"')} WHERE "mergedIntoId" IN (${Prisma.join(frontier)})`);
    frontier = rows.map((row) => row.id).filter((next) => next !== id && !found.includes(next));
    found.push(...frontier);
  }
  return found;
}
