import type { LoginInput } from '../../domain/auth/login.schema';
import type { Db } from '../../db/client';
import { AppError } from '../errors';
import type { LoginLimiter } from './login-limiter';
import type { PasswordChecker } from './password-checker';
import type { SessionClient, SessionStore } from './sessions';

export interface LogInDeps {
  db: Db;
  sessions: SessionStore;
  passwords: PasswordChecker;
  limiter: LoginLimiter;
}

/**
 * An active user with the right password gets a new session; anything else is the same 401, after
 * the same password check (an unknown e-mail is checked against a dummy hash). A locked e-mail or
 * address is a 429 before any check, and stays one even when the right password comes in meanwhile.
 */
export async function logIn({ db, sessions, passwords, limiter }: LogInDeps, { email, password }: LoginInput, client: SessionClient & { ip: string }) {
  await limiter.assertAllowed(email, client.ip);
  const user = await db.user.findUnique({ where: { email } });
  const matches = await passwords.verify(user?.passwordHash ?? null, password);
  // Attempts that were waiting for the check while the limit was reached learn nothing.
  await limiter.assertAllowed(email, client.ip);
  if (!user || !user.active || !matches) {
    await limiter.recordFailure(email, client.ip);
    throw new AppError('UNAUTHENTICATED', 'Wrong e-mail or password');
  }
  await limiter.recordSuccess(email, client.ip);
  const { token, expiresAt } = await sessions.create(user.id, client);
  return { token, expiresAt, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
