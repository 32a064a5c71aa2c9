import { useCallback, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { timeSince } from '../../lib/format';
import { useDismiss } from '../layout/use-dismiss';
import { DesktopAlertsControl } from './desktop-alerts-control';
import { useMarkRead, useNotifications, type NotificationItem } from './use-notifications';
import { formatNotificationText } from './format-notification-text';
import './notifications.css';

export function NotificationsBell() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(root, open, close);
  const { data, isError } = useNotifications();
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const openItem = (item: NotificationItem) => {
    if (!item.readAt) markRead.mutate(item.id);
    if (item.link) {
      setOpen(false);
      void navigate(item.link);
    }
  };

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
            {unread > 0 && (
              <button type="button" className="button button-secondary button-small" onClick={() => markRead.mutate('all')}>
                Mark all read
              </button>
            )}
          </header>
          <DesktopAlertsControl />
          {isError ? (
            <p className="empty">Notifications could not be loaded.</p>
          ) : data?.items.length ? (
            <ul className="notifications-list">
              {data.items.map((item) => (
                <li key={item.id} className={item.readAt ? 'notification' : 'notification notification-unread'}>
                  <button type="button" className="notification-open" onClick={() => openItem(item)}>
                    <span className="notification-dot" aria-hidden="true" />
                    <span>
                      <span className="notification-title">
                        {formatNotificationText(item.title)}
                        {item.count > 1 && (
                          <span className="pill notification-count" aria-label={`${item.count} notifications`}>
                            {item.count}
                          </span>
                        )}
                      </span>
                      {item.body && <span className="notification-body">{formatNotificationText(item.body)}</span>}
                      <time className="notification-time" dateTime={item.createdAt}>
                        {timeSince(item.createdAt)}
                      </time>
                    </span>
                  </button>
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
