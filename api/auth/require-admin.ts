import type { RequestHandler } from 'express';
import { AppError } from '../errors';
import { currentUser } from './require-user';

/** Answers 403 unless the signed-in user is an admin; checked before the body is read. */
export function requireAdmin(what: string): RequestHandler {
  return (_req, res, next) => {
    if (currentUser(res).role !== 'ADMIN') throw new AppError('FORBIDDEN', `Only an admin can ${what}`);
    next();
  };
}
