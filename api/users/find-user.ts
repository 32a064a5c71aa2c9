import type { UserChangeCheck } from '../../domain/users/user-change-rules';
import type { Db } from '../../db/client';
import { AppError } from '../errors';

/** The user row, or the 404 every users route answers for an unknown id. */
export async function findUser(db: Db, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError('NOT_FOUND', `User ${userId} does not exist`);
  return user;
}

/** The ids of the active admins, for the "one active admin always remains" rule. */
export async function listActiveAdminIds(db: Db): Promise<string[]> {
  return (await db.user.findMany({ where: { role: 'ADMIN', active: true }, select: { id: true } })).map((admin) => admin.id);
}

/** Throws the refusal of a users rule as our error. */
export function assertAllowed(check: UserChangeCheck): void {
  if (!check.ok) throw new AppError(check.code, check.message, check.fields);
}
