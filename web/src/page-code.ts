import type { ComponentType } from 'react';
import { matchRoutes } from 'react-router';

interface PageCode {
  path: string;
  load: () => Promise<ComponentType>;
}

/**
 * The pages whose code is fetched when they are first opened: each brings a form's code and its
 * schemas (react-hook-form, zod) or a large library (charts, calendar), which the pages people open
 * all day (the dashboard, the lists, a record) do without (app.tsx imports those with the shell).
 */
export const LAZY_PAGES = {
  login: { path: '/login', load: () => import('./features/auth/login-page').then((module) => module.LoginPage) },
  inviteAccept: { path: '/invite/:token', load: () => import('./features/users/invite-accept-page').then((module) => module.InviteAcceptPage) },
  newTask: { path: '/tasks/new', load: () => import('./features/tasks/new-task-page').then((module) => module.NewTaskPage) },
  calendar: { path: '/tasks/calendar', load: () => import('./features/tasks/task-calendar-page').then((module) => module.TaskCalendarPage) },
  settings: { path: '/settings', load: () => import('./features/settings/settings-page').then((module) => module.SettingsPage) },
  account: { path: '/account', load: () => import('./features/account/account-page').then((module) => module.AccountPage) },
  users: { path: '/users', load: () => import('./features/users/users-page').then((module) => module.UsersPage) },
  imports: { path: '/imports', load: () => import('./features/imports/imports-page').then((module) => module.ImportsPage) },
  analytics: { path: '/analytics', load: () => import('./features/analytics/analytics-page').then((module) => module.AnalyticsPage) },
} satisfies Record<string, PageCode>;

/** Starts fetching the code of the lazy page at `pathname` with its data, before the app renders; nothing for another path. */
export function loadPageCode(pathname: string): void {
  const page = matchRoutes(Object.values(LAZY_PAGES), pathname)?.at(-1)?.route;
  // A failure is the page's own render to show (lazyPage).
  page?.load().catch(() => undefined);
}
