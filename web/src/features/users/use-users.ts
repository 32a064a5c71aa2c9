import { useQuery } from '@tanstack/react-query';
import type { List } from '../../../../domain/pagination';
import type { User } from '../../../../domain/users/user.schema';
import { api } from '../../lib/api-client';

export const listUsers = (): Promise<List<User>> => api.get<List<User>>('/api/users');

/** Everyone on the team, for assignee pickers and names; inactive users are kept to show old assignments. */
export function useUsers() {
  return useQuery({
    queryKey: ['users'],
    queryFn: listUsers,
    staleTime: 60_000,
  });
}

/** `id → name`, with "Unassigned" for null. */
export function useUserName(): (id: string | null) => string {
  const users = useUsers().data?.items ?? [];
  return (id) => (id ? (users.find((user) => user.id === id)?.name ?? 'Someone') : 'Unassigned');
}
