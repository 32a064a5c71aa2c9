import type { z } from 'zod';
import type { updateUserInputSchema, User } from '../../domain/users/user.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { recordEvent } from '../../db/writes/record-event';
import { toUserJson } from '../../db/rows';
import { hashPassword } from '../../db/passwords';
import { endSessions } from '../../db/writes/end-sessions';
import { assertNewPassword } from '../auth/common-passwords';
import { AppError } from '../errors';

/**
 * Name, role, active flag or password, with a `user.updated` event. A deactivated user's sessions
 * end, and so do those of a user whose password an admin resets (but the admin's own, when they
 * reset their own: `keepSessionId`); admins cannot deactivate themselves or drop their own admin
 * role. `onChange` drops the cached sessions, so the change applies to the user's next request.
 */
export async function updateUser(
  { db, onChange, keepSessionId }: { db: Db; onChange: () => void; keepSessionId?: string },
  userId: string,
  { password, ...input }: z.infer<typeof updateUserInputSchema>,
  actor: PublicUser,
): Promise<User> {
  if (!(await db.user.findUnique({ where: { id: userId } }))) throw new AppError('NOT_FOUND', `User ${userId} does not exist`);
  if (userId === actor.id && (input.active === false || (input.role && input.role !== 'ADMIN'))) {
    throw new AppError('CONFLICT', 'You cannot deactivate yourself or drop your own admin role');
  }
  if (password) assertNewPassword(password);
  const passwordHash = password ? await hashPassword(password) : undefined;
  const user = await db.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: userId }, data: { ...input, ...(passwordHash ? { passwordHash } : {}) } });
    if (input.active === false || passwordHash) {
      const reason = input.active === false ? 'deactivated' : 'password_changed';
      await endSessions(tx, { userId: updated.id, reason, actorId: actor.id, ...(userId === actor.id ? { exceptSessionId: keepSessionId } : {}) });
    }
    await recordEvent(tx, { entityType: 'user', entityId: updated.id, action: 'updated', entity: toUserJson(updated), actorId: actor.id });
    return updated;
  });
  onChange();
  return toUserJson(user);
}
