import type { Db } from '../../db/client';
import type { User } from '../../domain/users/user.schema';
import { toUserJson } from '../../db/rows';

/** Every user by name, inactive ones included (they still name old assignments). */
export async function listUsers(db: Db): Promise<{ items: User[] }> {
  const users = await db.user.findMany({ orderBy: { name: 'asc' } });
  return { items: users.map(toUserJson) };
}
