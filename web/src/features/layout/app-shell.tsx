import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { useLiveEvents } from '../../lib/live-events';
import { useLogout, useMe } from '../auth/use-me';
import { NotificationsBell } from '../notifications/notifications-bell';

const STATUS_LABEL = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' } as const;

export function AppShell({ children }: { children: ReactNode }) {
  const { data: me } = useMe();
  const logout = useLogout();
  const { status } = useLiveEvents();

  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark">F</span> Flipstackk
        </div>
        <nav>
          <NavLink to="/" end className="nav-link">
            Dashboard
          </NavLink>
        </nav>
      </aside>
      <div className="main">
        <header className="topbar">
          <span className={`live-status live-${status}`} data-testid="live-status">
            <span className="dot" /> {STATUS_LABEL[status]}
          </span>
          <div className="topbar-right">
            <NotificationsBell />
            <div className="user">
              <div className="avatar" aria-hidden="true">
                {me?.name.slice(0, 1)}
              </div>
              <div className="user-text">
                <div className="user-name">{me?.name}</div>
                <div className="muted small">{me?.role.toLowerCase()}</div>
              </div>
              <button className="button button-ghost" onClick={() => logout.mutate()}>
                Log out
              </button>
            </div>
          </div>
        </header>
        <main className="content">{children}</main>
      </div>
    </div>
  );
}
