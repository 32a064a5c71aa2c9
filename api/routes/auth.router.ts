import { Router } from 'express';
import { loginInputSchema } from '../../domain/auth/login.schema';
import type { Db } from '../../db/client';
import { verifyPassword } from '../../db/passwords';
import { SESSION_COOKIE, type SessionStore } from '../auth/sessions';
import { AppError } from '../errors';
import { parseInput } from '../validate';

export function createAuthRouter({ db, sessions, secureCookie }: { db: Db; sessions: SessionStore; secureCookie: boolean }) {
  const router = Router();

  router.post('/login', async (req, res) => {
    const { email, password } = parseInput(loginInputSchema, req.body);
    const user = await db.user.findUnique({ where: { email } });
    const valid = user !== null && user.active && (await verifyPassword(user.passwordHash, password));
    if (!user || !valid) throw new AppError('UNAUTHENTICATED', 'Wrong e-mail or password');
    const { token, expiresAt } = await sessions.create(user.id);
    res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: secureCookie, expires: expiresAt, path: '/' });
    res.json({ id: user.id, email: user.email, name: user.name, role: user.role });
  });

  router.post('/logout', async (req, res) => {
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string') await sessions.destroy(token);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  return router;
}
