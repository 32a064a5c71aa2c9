import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../lib/api-client';
import { timeAgo } from '../../lib/format';

interface NotificationItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export function NotificationsBell() {
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const { data } = useQuery({
    queryKey: ['notifications'],
    queryFn: () => api.get<{ items: NotificationItem[]; unread: number }>('/api/notifications'),
  });

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!panel.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const unread = data?.unread ?? 0;
  return (
    <div className="bell" ref={panel}>
      <button className="icon-button" aria-label={`Notifications (${unread} unread)`} onClick={() => setOpen(!open)}>
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
        </svg>
        {unread > 0 && <span className="badge" data-testid="unread-count">{unread > 99 ? '99+' : unread}</span>}
      </button>
      {open && (
        <div className="dropdown notifications-panel" role="dialog" aria-label="Notifications">
          <h3>Notifications</h3>
          {data?.items.length ? (
            <ul>
              {data.items.slice(0, 20).map((item) => (
                <li key={item.id} className={item.readAt ? '' : 'unread'}>
                  <div className="notification-title">{item.title}</div>
                  <div className="notification-body">{item.body}</div>
                  <time className="muted small">{timeAgo(item.createdAt)}</time>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted empty">You are all caught up.</p>
          )}
        </div>
      )}
    </div>
  );
}
