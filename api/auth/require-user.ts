import type { RequestHandler, Response } from 'express';
import type { PublicUser } from '../../domain/users/user-role';
import { AppError } from '../errors';
import { SESSION_COOKIE, type SessionStore } from './sessions';

/** Answers 401 unless the request carries a live session; the user is then in `res.locals.user`. */
export function requireUser(sessions: SessionStore): RequestHandler {
  return async (req, res, next) => {
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    const user = typeof token === 'string' ? await sessions.findUser(token) : null;
    if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    res.locals.user = user;
    next();
  };
}

export function currentUser(res: Response): PublicUser {
  return res.locals.user as PublicUser;
}
