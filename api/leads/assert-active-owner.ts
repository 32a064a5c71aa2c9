import type { Db } from '../../db/client';
import { AppError } from '../errors';

/** A lead's owner (new, reassigned, imported) must be an active user: a 422 naming `ownerId` otherwise. */
export async function assertActiveOwner(db: Db, ownerId: string): Promise<void> {
  if (!(await db.user.findFirst({ where: { id: ownerId, active: true }, select: { id: true } }))) {
    throw new AppError('UNPROCESSABLE', 'Choose an active user as the owner', { ownerId: 'must name an active user' });
  }
}
