import type { User } from '../../domain/users/user.schema';
import { checkReactivation } from '../../domain/users/user-change-rules';
import { userRoleSchema, type PublicUser } from '../../domain/users/user-role';
import { recordEvent } from '../../db/writes/record-event';
import { parseColumn, toUserJson } from '../../db/rows';
import type { UserAdminDeps } from './deactivate-user';
import { assertAllowed, findUser } from './find-user';

/** Makes a deactivated user active again, with a `user.updated` event; they sign in with their old password. */
export async function reactivateUser({ db, onChange }: Pick<UserAdminDeps, 'db' | 'onChange'>, userId: string, actor: PublicUser): Promise<User> {
  const target = await findUser(db, userId);
  if (target.active) return toUserJson(target);
  const role = parseColumn(userRoleSchema, target.role, 'User.role');
  assertAllowed(checkReactivation({ id: target.id, name: target.name, role, active: target.active, hasPassword: target.passwordHash !== '' }));
  const user = await db.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: userId }, data: { active: true } });
    await recordEvent(tx, { entityType: 'user', entityId: userId, action: 'updated', entity: toUserJson(updated), actorId: actor.id });
    return updated;
  });
  onChange();
  return toUserJson(user);
}
