import type { Db } from '../../db/client';
import type { User } from '../../domain/users/user.schema';
import { readUsersByName } from '../../db/queries/user-names';
import { toUserJson } from '../../db/rows';

/** Every user by name, inactive ones included (they still name old assignments). */
export async function listUsers(db: Db): Promise<{ items: User[] }> {
  return { items: (await readUsersByName(db)).map(toUserJson) };
}
