import type { z } from 'zod';
import type { userItemInputSchema } from '../../domain/users/user-items.schema';
import type { Db } from '../../db/client';

/** Removing a favorite that is not there is no error. */
export async function removeFavorite(db: Db, userId: string, item: z.infer<typeof userItemInputSchema>): Promise<void> {
  await db.favorite.deleteMany({ where: { userId, ...item } });
}
