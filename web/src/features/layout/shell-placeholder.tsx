import { BrandMark } from './brand-mark';
import './app-shell.css';

const NAV_ROWS = 8;

/**
 * The signed-in frame drawn while the session is checked: the sidebar and top bar at once, the
 * page's place saying it is loading, so a signed-in visitor never looks at a blank screen.
 */
export function ShellPlaceholder() {
  return (
    <div className="shell" data-testid="shell-placeholder">
      <aside className="sidebar" aria-label="Navigation">
        <div className="sidebar-head">
          <div className="brand brand-inverse">
            <BrandMark /> Flipstackk
          </div>
        </div>
        <div className="nav" aria-hidden="true">
          {Array.from({ length: NAV_ROWS }, (_, row) => (
            <span key={row} className="nav-link">
              <span className="skeleton-bar" style={{ width: `${55 + ((row * 17) % 35)}%` }} />
            </span>
          ))}
        </div>
      </aside>
      <div className="main">
        <header className="topbar">
          <div className="topbar-start">
            <span className="topbar-brand">
              <BrandMark />
            </span>
          </div>
        </header>
        <main className="content" id="main-content">
          <p className="muted" role="status">
            Loading…
          </p>
        </main>
      </div>
    </div>
  );
}
