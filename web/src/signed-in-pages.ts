import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { matchRoutes } from 'react-router';

type PageLoader = () => Promise<ComponentType>;

/** A signed-in page: its route, and its code, loaded on first use (its own chunk). */
export type SignedInPage = { path: string; load: PageLoader; Component: LazyExoticComponent<ComponentType>; loadAhead: boolean };

// The chart and calendar libraries are large: loaded only when their pages are opened.
const ONLY_WHEN_OPENED = { loadAhead: false };

function signedInPage(path: string, load: PageLoader, { loadAhead } = { loadAhead: true }): SignedInPage {
  return { path, load, Component: lazy(() => load().then((Component) => ({ default: Component }))), loadAhead };
}

// Each page is its own chunk: opening one page runs that page's code, not every page's.
export const SIGNED_IN_PAGES: readonly SignedInPage[] = [
  signedInPage('/', () => import('./features/dashboard/dashboard-page').then((module) => module.DashboardPage)),
  signedInPage('/queue', () => import('./features/queue/queue-page').then((module) => module.QueuePage)),
  signedInPage('/leads', () => import('./features/leads/leads-page').then((module) => module.LeadsPage)),
  signedInPage('/leads/board', () => import('./features/leads/pipeline-board').then((module) => module.PipelineBoard)),
  signedInPage('/leads/:id', () => import('./features/leads/lead-detail-page').then((module) => module.LeadDetailPage)),
  signedInPage('/buyers', () => import('./features/buyers/buyers-page').then((module) => module.BuyersPage)),
  signedInPage('/buyers/:id', () => import('./features/buyers/buyer-detail-page').then((module) => module.BuyerDetailPage)),
  signedInPage('/tasks', () => import('./features/tasks/tasks-page').then((module) => module.TasksPage)),
  signedInPage('/tasks/new', () => import('./features/tasks/new-task-page').then((module) => module.NewTaskPage)),
  signedInPage('/tasks/calendar', () => import('./features/tasks/task-calendar-page').then((module) => module.TaskCalendarPage), ONLY_WHEN_OPENED),
  signedInPage('/tasks/:id', () => import('./features/tasks/task-detail-page').then((module) => module.TaskDetailPage)),
  signedInPage('/settings', () => import('./features/settings/settings-page').then((module) => module.SettingsPage)),
  signedInPage('/account', () => import('./features/account/account-page').then((module) => module.AccountPage)),
  signedInPage('/users', () => import('./features/users/users-page').then((module) => module.UsersPage)),
  signedInPage('/outbox', () => import('./features/email/outbox-page').then((module) => module.OutboxPage)),
  signedInPage('/imports', () => import('./features/imports/imports-page').then((module) => module.ImportsPage)),
  signedInPage('/analytics', () => import('./features/analytics/analytics-page').then((module) => module.AnalyticsPage), ONLY_WHEN_OPENED),
];

/** The page at `pathname`, as the router would pick it; undefined outside the signed-in pages. */
export function signedInPageAt(pathname: string): SignedInPage | undefined {
  const match = matchRoutes(SIGNED_IN_PAGES.map(({ path }, index) => ({ path, id: String(index) })), pathname)?.[0];
  return match ? SIGNED_IN_PAGES[Number(match.route.id)] : undefined;
}

/** Loads the other pages' code once the browser is idle, so a later click opens its page at once. */
export function loadPagesAhead(): void {
  const load = () => {
    // A chunk that fails now is loaded again when its page is opened.
    for (const page of SIGNED_IN_PAGES) if (page.loadAhead) void page.load().catch(() => undefined);
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 3_000 });
  else setTimeout(load, 1_000);
}
