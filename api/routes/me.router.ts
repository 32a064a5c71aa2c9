import { Router } from 'express';
import { changePasswordInputSchema } from '../../domain/auth/session.schema';
import { savedViewInputSchema, savedViewsQuerySchema, userItemInputSchema } from '../../domain/users/user-items.schema';
import type { Db } from '../../db/client';
import type { LoginLimiter } from '../auth/login-limiter';
import type { PasswordChecker } from '../auth/password-checker';
import { currentSession, currentUser } from '../auth/require-user';
import { SESSION_COOKIE, type SessionStore } from '../auth/sessions';
import { getCalendarLink, resetCalendarLink } from '../calendar/get-calendar-link';
import { notificationPreferencesSchema } from '../../domain/notifications/notification-preferences';
import { readMyNotificationPreferences, saveMyNotificationPreferences } from '../me/notification-preferences';
import { changePassword } from '../me/change-password';
import { listSessions } from '../me/list-sessions';
import { revokeSession } from '../me/revoke-session';
import { addFavorite } from '../me/add-favorite';
import { deleteSavedView } from '../me/delete-saved-view';
import { listFavorites } from '../me/list-favorites';
import { listRecentItems } from '../me/list-recent-items';
import { listSavedViews } from '../me/list-saved-views';
import { recordRecentItem } from '../me/record-recent-item';
import { removeFavorite } from '../me/remove-favorite';
import { saveView } from '../me/save-view';
import { parseInput } from '../validate';
import { clientOf } from './auth.router';

export interface MeRouterDeps {
  db: Db;
  sessions: SessionStore;
  passwords: PasswordChecker;
  limiter: LoginLimiter;
  now: () => Date;
  /** Where the app is reached (APP_URL): the calendar link points there. */
  appUrl: string;
}

/** The caller's own things, kept server-side so they follow the user across devices, and their sign-ins. */
export function createMeRouter({ db, sessions, passwords, limiter, now, appUrl }: MeRouterDeps) {
  const router = Router();

  router.get('/', (_req, res) => {
    res.json(currentUser(res));
  });

  router.post('/password', async (req, res) => {
    const input = parseInput(changePasswordInputSchema, req.body);
    await changePassword({ db, sessions, passwords, limiter }, currentSession(res), input, clientOf(req).ip);
    res.status(204).end();
  });

  router.get('/sessions', async (_req, res) => {
    res.json(await listSessions({ db, sessions, now }, currentSession(res)));
  });

  router.delete('/sessions/:id', async (req, res) => {
    const { wasCurrent } = await revokeSession(sessions, currentSession(res), req.params.id);
    if (wasCurrent) res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  router.get('/calendar-link', async (_req, res) => {
    res.json(await getCalendarLink(db, currentUser(res).id, appUrl));
  });

  router.post('/calendar-link/reset', async (_req, res) => {
    res.json(await resetCalendarLink(db, currentUser(res).id, appUrl));
  });

  router.get('/notification-preferences', async (_req, res) => {
    res.json(await readMyNotificationPreferences(db, currentUser(res).id));
  });

  router.put('/notification-preferences', async (req, res) => {
    const preferences = parseInput(notificationPreferencesSchema, req.body);
    res.json(await saveMyNotificationPreferences(db, currentUser(res).id, preferences));
  });

  router.get('/favorites', async (_req, res) => {
    res.json(await listFavorites(db, currentUser(res).id));
  });

  router.post('/favorites', async (req, res) => {
    const item = parseInput(userItemInputSchema, req.body);
    res.status(201).json(await addFavorite(db, currentUser(res).id, item));
  });

  router.post('/favorites/remove', async (req, res) => {
    const item = parseInput(userItemInputSchema, req.body);
    await removeFavorite(db, currentUser(res).id, item);
    res.status(204).end();
  });

  router.get('/recent', async (_req, res) => {
    res.json(await listRecentItems(db, currentUser(res).id));
  });

  router.post('/recent', async (req, res) => {
    const item = parseInput(userItemInputSchema, req.body);
    res.status(201).json(await recordRecentItem(db, currentUser(res).id, item));
  });

  router.get('/saved-views', async (req, res) => {
    const { page } = parseInput(savedViewsQuerySchema, req.query, 'query');
    res.json(await listSavedViews(db, currentUser(res).id, page));
  });

  router.post('/saved-views', async (req, res) => {
    const input = parseInput(savedViewInputSchema, req.body);
    res.status(201).json(await saveView(db, currentUser(res).id, input));
  });

  router.post('/saved-views/:id/delete', async (req, res) => {
    await deleteSavedView(db, currentUser(res).id, req.params.id);
    res.status(204).end();
  });

  return router;
}
