import { Router } from 'express';
import { acceptInviteInputSchema } from '../../domain/users/invite.schema';
import type { Db } from '../../db/client';
import type { PasswordChecker } from '../auth/password-checker';
import { SESSION_COOKIE, type SessionStore } from '../auth/sessions';
import { acceptInvite, getInvite } from '../invites/accept-invite';
import { parseInput } from '../validate';
import { clientOf } from './auth.router';

/** Public: the invite link's page reads who it invites, and accepting it sets the password and signs in. */
export function createInvitesRouter({ db, sessions, passwords, secureCookie }: { db: Db; sessions: SessionStore; passwords: PasswordChecker; secureCookie: boolean }) {
  const router = Router();

  router.get('/:token', async (req, res) => {
    res.json(await getInvite(db, String(req.params.token)));
  });

  router.post('/:token/accept', async (req, res) => {
    const input = parseInput(acceptInviteInputSchema, req.body);
    const { token, expiresAt, user } = await acceptInvite({ db, sessions, passwords }, String(req.params.token), input, clientOf(req));
    res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: secureCookie, expires: expiresAt, path: '/' });
    res.json(user);
  });

  return router;
}
