import { Router } from 'express';
import { loginInputSchema } from '../../domain/auth/login.schema';
import type { Db } from '../../db/client';
import { logIn } from '../auth/log-in';
import { SESSION_COOKIE, type SessionStore } from '../auth/sessions';
import { parseInput } from '../validate';

export function createAuthRouter({ db, sessions, secureCookie }: { db: Db; sessions: SessionStore; secureCookie: boolean }) {
  const router = Router();

  router.post('/login', async (req, res) => {
    const { token, expiresAt, user } = await logIn({ db, sessions }, parseInput(loginInputSchema, req.body));
    res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: secureCookie, expires: expiresAt, path: '/' });
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
