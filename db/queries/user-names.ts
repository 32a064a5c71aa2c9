import type { Db } from '../client';

/** Every user's name by id (a team is tens of people): exports name owners and assignees from it. */
export async function readUserNames(db: Db): Promise<Map<string, string>> {
  const users = await db.user.findMany({ select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name]));
}
