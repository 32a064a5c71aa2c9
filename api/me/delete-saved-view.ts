import type { Db } from '../../db/client';
import { AppError } from '../errors';

/** Deletes one of the user's saved views; someone else's is as unknown as a missing one. */
export async function deleteSavedView(db: Db, userId: string, viewId: string): Promise<void> {
  const { count } = await db.savedView.deleteMany({ where: { id: viewId, userId } });
  if (count === 0) throw new AppError('NOT_FOUND', `Saved view ${viewId} does not exist`);
}
