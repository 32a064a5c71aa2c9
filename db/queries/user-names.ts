import type { Db } from '../client';
import { readRows } from '../read-rows';
import { Prisma, type User } from '../../prisma/generated/client';

/** Every user's name by id (a team is tens of people): exports name owners and assignees from it. */
export async function readUserNames(db: Db): Promise<Map<string, string>> {
  const users = await db.user.findMany({ select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name]));
}

/** Every user by name, with what the user list shows of each (raw: Prisma's findMany took 2 ms for 34 users). */
export function readUsersByName(db: Db) {
  return readRows<Pick<User, 'id' | 'email' | 'name' | 'role' | 'active' | 'lastSignInAt' | 'createdAt'>>(
    db,
    Prisma.sql`SELECT "id", "email", "name", "role", "active", "lastSignInAt", "createdAt" FROM "User" ORDER BY "name" ASC`,
  );
}
