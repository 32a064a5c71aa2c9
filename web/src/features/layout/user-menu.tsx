import { useCallback, useRef, useState } from 'react';
import { Link } from 'react-router';
import { optionLabel } from '../../lib/format';
import { CalendarLinkItems } from '../account/calendar-link-items';
import { useLogout, useMe } from '../auth/use-me';
import { useDismiss } from './use-dismiss';

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');

export function UserMenu() {
  const { data: me } = useMe();
  const logout = useLogout();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(root, open, close);
  if (!me) return null;

  return (
    <div className="menu-root" ref={root}>
      <button type="button" className="user-button" aria-label={`${me.name}, account menu`} aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="avatar" aria-hidden="true">
          {initials(me.name)}
        </span>
        <span className="user-text">
          <span className="user-name">{me.name}</span>
          <span className="user-role">{optionLabel(me.role)}</span>
        </span>
        <svg className="chevron" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
          <path d="m5 7.5 5 5 5-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      {open && (
        <div className="dropdown user-dropdown" role="menu">
          <div className="user-dropdown-head">
            <div className="user-name">{me.name}</div>
            <div className="muted small">{me.email}</div>
          </div>
          <Link role="menuitem" className="menu-item" to="/account" onClick={close}>
            <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
              <path d="M10 10a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7Zm-6 7a6 6 0 0 1 12 0" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            Account and sign-ins
          </Link>
          <CalendarLinkItems />
          <button type="button" role="menuitem" className="menu-item" disabled={logout.isPending} onClick={() => logout.mutate()}>
            <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
              <path d="M8 4H5a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h3m5-3 3-3-3-3m3 3H8" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            Log out
          </button>
        </div>
      )}
    </div>
  );
}
