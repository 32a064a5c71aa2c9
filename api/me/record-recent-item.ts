import type { z } from 'zod';
import type { userItemInputSchema } from '../../domain/users/user-items.schema';
import type { Db } from '../../db/client';
import { isUniqueViolation } from '../errors';

/** The user viewed the item now; a second view moves it to the top rather than adding a row. */
export async function recordRecentItem(db: Db, userId: string, item: z.infer<typeof userItemInputSchema>) {
  const viewedAt = new Date();
  const key = { userId_entityType_entityId: { userId, ...item } };
  await db.recentItem.upsert({ where: key, create: { userId, ...item, viewedAt }, update: { viewedAt } }).catch(async (error: unknown) => {
    // Two first views at the same moment: the other one created the row.
    if (!isUniqueViolation(error)) throw error;
    await db.recentItem.update({ where: key, data: { viewedAt } });
  });
  return { ...item, viewedAt: viewedAt.toISOString() };
}
