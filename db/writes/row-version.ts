import type { Prisma } from '../client';
import { dialectOf } from '../queries/dialect';

/**
 * A lead's or buyer's version (its `updatedAt`) as it stands in the writing transaction, null when
 * there is no such record. On PostgreSQL the row is locked until the transaction ends, so no other
 * write can change it between this read and the caller's update; SQLite's one writer at a time
 * (`BEGIN IMMEDIATE`, db/client.ts) holds it already.
 */
export async function lockedVersion(tx: Prisma.TransactionClient, record: 'lead' | 'buyer', id: string): Promise<string | null> {
  if (dialectOf(tx) === 'postgres') {
    if (record === 'lead') await tx.$queryRaw`SELECT "id" FROM "Lead" WHERE "id" = ${id} FOR UPDATE`;
    else await tx.$queryRaw`SELECT "id" FROM "Buyer" WHERE "id" = ${id} FOR UPDATE`;
  }
  const row = record === 'lead' ? await tx.lead.findUnique({ where: { id }, select: { updatedAt: true } }) : await tx.buyer.findUnique({ where: { id }, select: { updatedAt: true } });
  return row?.updatedAt.toISOString() ?? null;
}
