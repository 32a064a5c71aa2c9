import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export interface NotificationItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

/** The signed-in user's notifications, newest first; `notification.created` events refresh it. */
export function useNotifications() {
  return useQuery({
    queryKey: ['notifications'],
    queryFn: () => api.get<{ items: NotificationItem[]; unread: number }>('/api/notifications'),
  });
}
