import { Suspense, useCallback, useRef } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import type { LiveEvent } from '../../../../domain/events/live-event.schema';
import { useLiveEvents } from '../../lib/use-live-events';
import { useMe } from '../auth/use-me';
import { showDesktopAlert } from '../notifications/desktop-alerts';
import { useAppConfig } from '../../lib/use-app-config';
import { NotificationsBell } from '../notifications/notifications-bell';
import { lazyComponent } from '../../lib/lazy-component';
import { ShellActionsProvider } from '../shell/shell-actions-provider';
import { SidebarItems } from '../shell/sidebar-items';
import { QuickCreateButton, SearchButton } from '../shell/topbar-actions';
import { BrandMark } from './brand-mark';
import { LiveIndicator } from './live-indicator';
import { useDrawer } from './use-drawer';
import { UserMenu } from './user-menu';
import './app-shell.css';

// Drawn inside the palette only (its code, cmdk's, is fetched when the palette first opens).
const PaletteUserItems = lazyComponent(() => import('../search/palette-user-items').then((module) => module.PaletteUserItems));

const NAV_ICONS = {
  dashboard: 'M3 10.5 10 4l7 6.5M5 9v7h3.5v-4h3v4H15V9',
  leads: 'M4 5h12M4 10h12M4 15h8',
  calls: 'M6 3.5 8 7.5 6.5 9a8 8 0 0 0 4.5 4.5L12.5 12l4 2-1 2.5C10 17 3 10 3.5 4.5z',
  board: 'M4 4h3.5v12H4zM8.25 4h3.5v8h-3.5zM12.5 4H16v10h-3.5z',
  buyers: 'M7.5 9a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5ZM3 16c0-2.5 2-4.5 4.5-4.5S12 13.5 12 16M13 4.5a2.5 2.5 0 0 1 0 4.5M14.5 11.8c1.5.6 2.5 2.2 2.5 4.2',
  workflows: 'M4 5h5v4H4zM11 11h5v4h-5zM6.5 9v4H11M13.5 11V7H9',
  analytics: 'M4 16V9M8.5 16V5M13 16v-5M17 16H3',
  tasks: 'M4 5.5l1.5 1.5L8 4.5M4 10.5l1.5 1.5L8 9.5M4 15.5l1.5 1.5L8 14.5M10.5 6h5.5M10.5 11h5.5M10.5 16h5.5',
  calendar: 'M4 6h12v10H4zM4 9h12M7.5 4v3M12.5 4v3',
  outbox: 'M3 5h14v10H3zM3 5l7 6 7-6',
  imports: 'M10 3v9M6.5 8.5 10 12l3.5-3.5M4 13.5V16h12v-2.5',
  users: 'M8 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM2.5 17c0-3 2.5-5.5 5.5-5.5s5.5 2.5 5.5 5.5M14 8.5h4M16 6.5v4',
  settings: 'M10 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5ZM10 3v2M10 15v2M3 10h2M15 10h2M5 5l1.4 1.4M13.6 13.6 15 15M5 15l1.4-1.4M13.6 6.4 15 5',
};

function NavIcon({ path }: { path: string }) {
  return (
    <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
      <path d={path} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * The signed-in frame: sidebar, top bar with live status, search, quick create, notifications and
 * user menu, and the keyboard layer (web/src/features/shell). On narrow screens the sidebar is a
 * drawer behind the top bar's menu button, and the page behind it is inert.
 */
export function AppShell() {
  return (
    <ShellActionsProvider paletteTop={(select) => <PaletteUserItems select={select} />}>
      <ShellFrame />
    </ShellActionsProvider>
  );
}

function ShellFrame() {
  const navigate = useNavigate();
  const onEvent = useCallback((event: LiveEvent) => showDesktopAlert(event, (link) => void navigate(link)), [navigate]);
  const status = useLiveEvents(onEvent);
  const role = useMe().data?.role;
  const isAdmin = role === 'ADMIN';
  // Supervisors and admins import lists (domain/auth/permissions.ts).
  const canImport = role === 'ADMIN' || role === 'SUPERVISOR';
  const temporalUiUrl = useAppConfig().data?.temporalUiUrl;
  const { pathname } = useLocation();
  // Leads stays lit on a lead's page, but not on the board, which has its own link.
  const inLeads = pathname.startsWith('/leads') && !pathname.startsWith('/leads/board');
  const inTasks = pathname.startsWith('/tasks') && !pathname.startsWith('/tasks/calendar');
  const menuButton = useRef<HTMLButtonElement>(null);
  const drawerRef = useRef<HTMLElement>(null);
  const drawer = useDrawer(menuButton, drawerRef);

  return (
    <div className="shell" data-drawer={drawer.open ? 'open' : 'closed'}>
      <a className="skip-link" href="#main-content">
        Skip to content
      </a>
      <aside
        id="app-drawer"
        className="sidebar"
        ref={drawerRef}
        aria-label="Navigation"
        role={drawer.open ? 'dialog' : undefined}
        aria-modal={drawer.open ? true : undefined}
      >
        <div className="sidebar-head">
          <div className="brand brand-inverse">
            <BrandMark /> Flipstackk
          </div>
          {drawer.open && (
            <button type="button" className="icon-button drawer-close" aria-label="Close menu" onClick={drawer.close}>
              <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
                <path d="M5 5l10 10M15 5 5 15" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
              </svg>
            </button>
          )}
        </div>
        <nav className="nav" aria-label="Main">
          <NavLink to="/" end className="nav-link">
            <NavIcon path={NAV_ICONS.dashboard} /> Dashboard
          </NavLink>
          <NavLink to="/queue" className="nav-link">
            <NavIcon path={NAV_ICONS.calls} /> My calls
          </NavLink>
          <NavLink to="/leads" className={() => (inLeads ? 'nav-link active' : 'nav-link')}>
            <NavIcon path={NAV_ICONS.leads} /> Leads
          </NavLink>
          <NavLink to="/leads/board" className="nav-link">
            <NavIcon path={NAV_ICONS.board} /> Pipeline
          </NavLink>
          <NavLink to="/buyers" className="nav-link">
            <NavIcon path={NAV_ICONS.buyers} /> Buyers
          </NavLink>
          <NavLink to="/analytics" className="nav-link">
            <NavIcon path={NAV_ICONS.analytics} /> Analytics
          </NavLink>
          <NavLink to="/tasks" className={() => (inTasks ? 'nav-link active' : 'nav-link')}>
            <NavIcon path={NAV_ICONS.tasks} /> Tasks
          </NavLink>
          <NavLink to="/tasks/calendar" className="nav-link">
            <NavIcon path={NAV_ICONS.calendar} /> Calendar
          </NavLink>
          {canImport && (
            <NavLink to="/imports" className="nav-link">
              <NavIcon path={NAV_ICONS.imports} /> Imports
            </NavLink>
          )}
          {isAdmin && (
            <NavLink to="/users" className="nav-link">
              <NavIcon path={NAV_ICONS.users} /> Users
            </NavLink>
          )}
          {isAdmin && (
            <NavLink to="/outbox" className="nav-link">
              <NavIcon path={NAV_ICONS.outbox} /> Outbox
            </NavLink>
          )}
          <NavLink to="/settings" className="nav-link">
            <NavIcon path={NAV_ICONS.settings} /> {isAdmin ? 'Settings' : 'Settings (view)'}
          </NavLink>
        </nav>
        <SidebarItems />
        {temporalUiUrl && (
          <div className="sidebar-footer">
            <a className="nav-link" href={`${temporalUiUrl}/namespaces/default/workflows`} target="_blank" rel="noreferrer">
              <NavIcon path={NAV_ICONS.workflows} /> Workflows
              <span className="external" aria-label="(opens the Temporal Web UI)">↗</span>
            </a>
          </div>
        )}
      </aside>
      {drawer.open && <div className="drawer-backdrop" aria-hidden="true" onClick={drawer.close} />}
      <div className="main" inert={drawer.open}>
        <header className="topbar">
          <div className="topbar-start">
            <button
              type="button"
              ref={menuButton}
              className="icon-button menu-button"
              aria-label="Menu"
              aria-controls="app-drawer"
              aria-expanded={drawer.open}
              onClick={drawer.toggle}
            >
              <svg viewBox="0 0 20 20" width="22" height="22" aria-hidden="true">
                <path d="M3.5 5.5h13M3.5 10h13M3.5 14.5h13" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
              </svg>
            </button>
            <span className="topbar-brand">
              <BrandMark />
            </span>
            <LiveIndicator status={status} />
          </div>
          <div className="topbar-actions">
            <SearchButton />
            <QuickCreateButton />
            <NotificationsBell />
            <UserMenu />
          </div>
        </header>
        <main className="content" id="main-content" tabIndex={-1}>
          {/* A page's code loading the first time it is opened (page-code.ts). */}
          <Suspense
            fallback={
              <p className="muted" role="status">
                Loading…
              </p>
            }
          >
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
