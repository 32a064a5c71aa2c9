import type { z } from 'zod';
import type { userItemInputSchema } from '../../domain/users/user-items.schema';
import type { Db } from '../../db/client';
import { isUniqueViolation } from '../errors';

type UserItem = z.infer<typeof userItemInputSchema>;

/** Favoriting twice (even at the same moment) leaves one favorite. */
export async function addFavorite(db: Db, userId: string, item: UserItem): Promise<UserItem> {
  await db.favorite.create({ data: { userId, ...item } }).catch((error: unknown) => {
    if (!isUniqueViolation(error)) throw error;
  });
  return item;
}
