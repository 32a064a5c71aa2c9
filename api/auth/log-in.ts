import type { LoginInput } from '../../domain/auth/login.schema';
import type { Db } from '../../db/client';
import { AppError } from '../errors';
import { verifyPassword } from '../../db/passwords';
import type { SessionStore } from './sessions';

/** An active user with the right password gets a new session; anything else is the same 401. */
export async function logIn({ db, sessions }: { db: Db; sessions: SessionStore }, { email, password }: LoginInput) {
  const user = await db.user.findUnique({ where: { email } });
  const valid = user !== null && user.active && (await verifyPassword(user.passwordHash, password));
  if (!user || !valid) throw new AppError('UNAUTHENTICATED', 'Wrong e-mail or password');
  const { token, expiresAt } = await sessions.create(user.id);
  return { token, expiresAt, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
