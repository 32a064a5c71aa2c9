import type { RequestHandler, Response } from 'express';
import type { PublicUser } from '../../domain/users/user-role';
import { AppError } from '../errors';
import { SESSION_COOKIE, type LiveSession, type SessionStore } from './sessions';

/** Answers 401 unless the request carries a live session; the user is then in `res.locals.user`, the session in `res.locals.session`. */
export function requireUser(sessions: SessionStore): RequestHandler {
  return async (req, res, next) => {
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    const session = typeof token === 'string' ? await sessions.find(token) : null;
    if (!session) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    res.locals.user = session.user;
    res.locals.session = session;
    next();
  };
}

export function currentUser(res: Response): PublicUser {
  return res.locals.user as PublicUser;
}

/** The session the request came with (behind requireUser). */
export function currentSession(res: Response): LiveSession {
  return res.locals.session as LiveSession;
}
