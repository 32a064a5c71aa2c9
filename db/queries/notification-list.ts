import type { Db } from '../client';
import { readRows } from '../read-rows';
import { Prisma, type Notification } from '../../prisma/generated/client';

/** A user's newest notifications, by the recipient + createdAt index. */
export const notificationListSql = (recipientId: string, limit: number): Prisma.Sql =>
  Prisma.sql`SELECT * FROM "Notification" WHERE "recipientId" = ${recipientId} ORDER BY "createdAt" DESC LIMIT ${limit}`;

/** How many unread rows the bell shows: notifications of one group count once. */
export const unreadNotificationsSql = (recipientId: string): Prisma.Sql =>
  Prisma.sql`SELECT COUNT(DISTINCT COALESCE("groupKey", "id")) AS "unread" FROM "Notification" WHERE "recipientId" = ${recipientId} AND "readAt" IS NULL`;

/**
 * The newest `limit` notifications of a user and the count of unread rows (groups count once). Every page of every
 * signed-in user asks for this, so it is read raw to skip Prisma's query building, most of the cost.
 */
export async function readNotifications(db: Db, recipientId: string, limit: number): Promise<{ rows: Notification[]; unread: number }> {
  const [rows, [counted]] = await Promise.all([
    readRows<Notification>(db, notificationListSql(recipientId, limit)),
    readRows<{ unread: bigint | number }>(db, unreadNotificationsSql(recipientId)),
  ]);
  return { rows, unread: Number(counted?.unread ?? 0) };
}
