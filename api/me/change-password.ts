import type { ChangePasswordInput } from '../../domain/auth/session.schema';
import type { Db } from '../../db/client';
import { endSessions } from '../../db/writes/end-sessions';
import { assertNewPassword } from '../auth/common-passwords';
import type { LoginLimiter } from '../auth/login-limiter';
import type { PasswordChecker } from '../auth/password-checker';
import type { LiveSession, SessionStore } from '../auth/sessions';
import { AppError } from '../errors';

/**
 * The signed-in user sets a new password, giving the current one (a wrong one counts toward the
 * sign-in lockout, like a wrong sign-in). Every other session of theirs ends; this one stays.
 */
export async function changePassword(
  { db, sessions, passwords, limiter }: { db: Db; sessions: SessionStore; passwords: PasswordChecker; limiter: LoginLimiter },
  current: LiveSession,
  { currentPassword, newPassword }: ChangePasswordInput,
  ip: string,
): Promise<void> {
  const { user } = current;
  assertNewPassword(newPassword, 'newPassword');
  await limiter.assertAllowed(user.email, ip);
  const row = await db.user.findUnique({ where: { id: user.id } });
  if (!row || !(await passwords.verify(row.passwordHash, currentPassword))) {
    await limiter.recordFailure(user.email, ip);
    throw new AppError('VALIDATION_FAILED', 'Invalid body: Current password is not your current password', { currentPassword: 'is not your current password' });
  }
  const passwordHash = await passwords.hash(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await endSessions(tx, { userId: user.id, exceptSessionId: current.id, reason: 'password_changed', actorId: user.id });
  });
  sessions.forgetUser(user.id);
}
