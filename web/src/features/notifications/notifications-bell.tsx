import { useCallback, useRef, useState } from 'react';
import { timeSince } from '../../lib/format';
import { useDismiss } from '../layout/use-dismiss';
import { useNotifications } from './use-notifications';
import './notifications.css';

const SHOWN = 20;

export function NotificationsBell() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(root, open, close);
  const { data, isError } = useNotifications();

  const unread = data?.unread ?? 0;
  return (
    <div className="menu-root" ref={root}>
      <button
        type="button"
        className="icon-button"
        aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path
            d="M6 9a6 6 0 1 1 12 0c0 4.5 1.5 6.5 2.5 7.5h-17C4.5 15.5 6 13.5 6 9ZM10 19.5a2 2 0 0 0 4 0"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.7"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        {unread > 0 && (
          <span className="badge" data-testid="unread-count">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div className="dropdown notifications-panel" role="dialog" aria-label="Notifications">
          <header className="notifications-head">
            <h2>Notifications</h2>
            {unread > 0 && <span className="pill">{unread} unread</span>}
          </header>
          {isError ? (
            <p className="empty">Notifications could not be loaded.</p>
          ) : data?.items.length ? (
            <ul className="notifications-list">
              {data.items.slice(0, SHOWN).map((item) => (
                <li key={item.id} className={item.readAt ? 'notification' : 'notification notification-unread'}>
                  <span className="notification-dot" aria-hidden="true" />
                  <div>
                    <div className="notification-title">{item.title}</div>
                    {item.body && <div className="notification-body">{item.body}</div>}
                    <time className="notification-time" dateTime={item.createdAt}>
                      {timeSince(item.createdAt)}
                    </time>
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <p className="empty">You are all caught up.</p>
          )}
        </div>
      )}
    </div>
  );
}
