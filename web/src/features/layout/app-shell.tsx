import { NavLink, Outlet, useLocation } from 'react-router';
import { useLiveEvents } from '../../lib/use-live-events';
import { useAppConfig } from '../../lib/use-workflow-link';
import { NotificationsBell } from '../notifications/notifications-bell';
import { BrandMark } from './brand-mark';
import { LiveIndicator } from './live-indicator';
import { UserMenu } from './user-menu';
import './app-shell.css';

const NAV_ICONS = {
  dashboard: 'M3 10.5 10 4l7 6.5M5 9v7h3.5v-4h3v4H15V9',
  leads: 'M4 5h12M4 10h12M4 15h8',
  board: 'M4 4h3.5v12H4zM8.25 4h3.5v8h-3.5zM12.5 4H16v10h-3.5z',
  buyers: 'M7.5 9a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5ZM3 16c0-2.5 2-4.5 4.5-4.5S12 13.5 12 16M13 4.5a2.5 2.5 0 0 1 0 4.5M14.5 11.8c1.5.6 2.5 2.2 2.5 4.2',
  workflows: 'M4 5h5v4H4zM11 11h5v4h-5zM6.5 9v4H11M13.5 11V7H9',
};

function NavIcon({ path }: { path: string }) {
  return (
    <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
      <path d={path} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** The signed-in frame: sidebar, top bar with live status, notifications and user menu. */
export function AppShell() {
  const status = useLiveEvents();
  const temporalUiUrl = useAppConfig().data?.temporalUiUrl;
  const { pathname } = useLocation();
  // Leads stays lit on a lead's page, but not on the board, which has its own link.
  const inLeads = pathname.startsWith('/leads') && !pathname.startsWith('/leads/board');

  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand brand-inverse">
          <BrandMark /> Flipstackk
        </div>
        <nav className="nav" aria-label="Main">
          <NavLink to="/" end className="nav-link">
            <NavIcon path={NAV_ICONS.dashboard} /> Dashboard
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
        </nav>
        {temporalUiUrl && (
          <div className="sidebar-footer">
            <a className="nav-link" href={`${temporalUiUrl}/namespaces/default/workflows`} target="_blank" rel="noreferrer">
              <NavIcon path={NAV_ICONS.workflows} /> Workflows
              <span className="external" aria-label="(opens the Temporal Web UI)">↗</span>
            </a>
          </div>
        )}
      </aside>
      <div className="main">
        <header className="topbar">
          <LiveIndicator status={status} />
          <div className="topbar-actions">
            <NotificationsBell />
            <UserMenu />
          </div>
        </header>
        <main className="content">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
