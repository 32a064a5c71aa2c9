import type { z } from 'zod';
import type { updateUserInputSchema, User } from '../../domain/users/user.schema';
import { checkRoleChange } from '../../domain/users/user-change-rules';
import { userRoleSchema, type PublicUser } from '../../domain/users/user-role';
import { recordEvent } from '../../db/writes/record-event';
import { endSessions } from '../../db/writes/end-sessions';
import { parseColumn, toUserJson } from '../../db/rows';
import { hashPassword } from '../../db/passwords';
import { assertNewPassword } from '../auth/common-passwords';
import { AppError } from '../errors';
import { deactivateUser, type UserAdminDeps } from './deactivate-user';
import { assertAllowed, findUser, listActiveAdminIds } from './find-user';
import { reactivateUser } from './reactivate-user';

/**
 * Name, role or password, with a `user.updated` event; `active` deactivates (with `leadsTo`, as
 * `deactivateUser`) or reactivates. Admins keep their own admin role and one active admin always
 * remains. A password reset ends the user's sessions (but the admin's own, when they reset their
 * own: `keepSessionId`). `onChange` drops the cached sessions, so the change applies to the user's
 * next request.
 */
export async function updateUser(
  deps: UserAdminDeps & { keepSessionId?: string },
  userId: string,
  { password, active, leadsTo, ...input }: z.infer<typeof updateUserInputSchema>,
  actor: PublicUser,
): Promise<User> {
  const { db } = deps;
  const target = await findUser(db, userId);
  if (leadsTo !== undefined && active !== false) throw new AppError('VALIDATION_FAILED', 'leadsTo goes with active: false', { leadsTo: 'goes only with active: false' });
  if (input.role && input.role !== target.role) {
    const role = parseColumn(userRoleSchema, target.role, 'User.role');
    assertAllowed(checkRoleChange({ actorId: actor.id, target: { id: target.id, name: target.name, role, active: target.active }, role: input.role, activeAdminIds: await listActiveAdminIds(db) }));
  }
  if (password) assertNewPassword(password);
  // Deactivation checks its own rules before anything changes.
  if (active === false) await deactivateUser(deps, userId, { leadsTo }, actor);
  const passwordHash = password ? await hashPassword(password) : undefined;
  let user = await findUser(db, userId);
  if (Object.keys(input).length > 0 || passwordHash) {
    user = await db.$transaction(async (tx) => {
      const updated = await tx.user.update({ where: { id: userId }, data: { ...input, ...(passwordHash ? { passwordHash } : {}) } });
      if (passwordHash) {
        await endSessions(tx, { userId, reason: 'password_changed', actorId: actor.id, ...(userId === actor.id ? { exceptSessionId: deps.keepSessionId } : {}) });
      }
      await recordEvent(tx, { entityType: 'user', entityId: updated.id, action: 'updated', entity: toUserJson(updated), actorId: actor.id });
      return updated;
    });
    deps.onChange();
  }
  if (active === true) return reactivateUser(deps, userId, actor);
  return toUserJson(user);
}
