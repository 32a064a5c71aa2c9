import type { CreateKind } from './shell-actions';

export interface ShellPage {
  label: string;
  path: string;
  /** The `g` shortcut, when it has one. */
  keys?: string;
  adminOnly?: boolean;
}

/** Every page the palette and the `g` shortcuts go to. */
export const SHELL_PAGES: ShellPage[] = [
  { label: 'Dashboard', path: '/', keys: 'g d' },
  { label: 'Leads', path: '/leads', keys: 'g l' },
  { label: 'My call queue', path: '/queue', keys: 'g q' },
  { label: 'Pipeline', path: '/leads/board' },
  { label: 'Buyers', path: '/buyers', keys: 'g b' },
  { label: 'Tasks', path: '/tasks', keys: 'g t' },
  { label: 'Calendar', path: '/tasks/calendar' },
  { label: 'Analytics', path: '/analytics' },
  { label: 'Settings', path: '/settings' },
  { label: 'My account', path: '/account' },
  { label: 'Users', path: '/users', adminOnly: true },
  { label: 'Outbox', path: '/outbox', adminOnly: true },
];

export const CREATE_LABELS: Record<CreateKind, string> = { lead: 'New lead', buyer: 'New buyer', task: 'New task' };

/** What `c` creates on a page: a buyer among buyers, a task among tasks, else a lead. */
export function createKindFor(pathname: string): CreateKind {
  if (pathname.startsWith('/buyers')) return 'buyer';
  if (pathname.startsWith('/tasks')) return 'task';
  return 'lead';
}

/** The lead whose page is open (`/leads/:id`), if any: the palette's "Log a call" is about them. */
export function leadOnPage(pathname: string): string | undefined {
  const match = /^\/leads\/([^/]+)\/?$/.exec(pathname);
  if (!match || match[1] === 'board') return undefined;
  return decodeURIComponent(match[1]!);
}
