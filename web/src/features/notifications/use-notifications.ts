import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationGroupItem as NotificationItem, NotificationList } from '../../../../domain/notifications/notification.schema';
import { api } from '../../lib/api-client';

export type { NotificationItem };

const KEY = ['notifications'];

/** The signed-in user's notifications, newest first; `notification.*` events refresh it. */
export const listNotifications = (): Promise<NotificationList> => api.get<NotificationList>('/api/notifications');

export function useNotifications() {
  return useQuery({ queryKey: KEY, queryFn: listNotifications });
}

/** Marks one notification (or all) read, updating the count at once. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: KEY,
    mutationFn: (id: string | 'all') => (id === 'all' ? api.post('/api/notifications/read-all') : api.post(`/api/notifications/${encodeURIComponent(id)}/read`)),
    onMutate: (id) => {
      const now = new Date().toISOString();
      queryClient.setQueryData<NotificationList>(KEY, (list) => {
        if (!list) return list;
        const items = list.items.map((item) => (!item.readAt && (id === 'all' || item.id === id) ? { ...item, readAt: now } : item));
        return { items, unread: id === 'all' ? 0 : Math.max(0, list.unread - (list.items.some((item) => item.id === id && !item.readAt) ? 1 : 0)) };
      });
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
