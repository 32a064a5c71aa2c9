import { Router, type Request } from 'express';
import { loginInputSchema } from '../../domain/auth/login.schema';
import type { Db } from '../../db/client';
import { logIn } from '../auth/log-in';
import type { LoginLimiter } from '../auth/login-limiter';
import type { PasswordChecker } from '../auth/password-checker';
import { SESSION_COOKIE, type SessionStore } from '../auth/sessions';
import { parseInput } from '../validate';

/** Who is asking: the client address the limits count by, and the browser, shown in the session list. */
export const clientOf = (req: Request) => ({ ip: req.ip ?? req.socket.remoteAddress ?? 'unknown', userAgent: req.get('user-agent') ?? null });

export function createAuthRouter({ db, sessions, passwords, limiter, secureCookie }: { db: Db; sessions: SessionStore; passwords: PasswordChecker; limiter: LoginLimiter; secureCookie: boolean }) {
  const router = Router();

  router.post('/login', async (req, res) => {
    const { token, expiresAt, user } = await logIn({ db, sessions, passwords, limiter }, parseInput(loginInputSchema, req.body), clientOf(req));
    res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: secureCookie, expires: expiresAt, path: '/' });
    res.json(user);
  });

  router.post('/logout', async (req, res) => {
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string') await sessions.destroy(token);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  return router;
}
