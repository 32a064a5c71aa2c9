import type { Db } from '../../db/client';
import type { User } from '../../domain/users/user.schema';
import { readRows } from '../../db/read-rows';
import { toUserJson } from '../../db/rows';
import { Prisma } from '../../prisma/generated/client';

/** Every user by name, inactive ones included (they still name old assignments): a raw read of what the JSON shows. */
export async function listUsers(db: Db): Promise<{ items: User[] }> {
  const users = await readRows<Parameters<typeof toUserJson>[0]>(db, Prisma.sql`SELECT "id", "email", "name", "role", "active", "lastSignInAt", "createdAt" FROM "User" ORDER BY "name" ASC`);
  return { items: users.map(toUserJson) };
}
