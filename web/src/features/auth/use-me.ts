import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { LoginInput } from '../../../../domain/auth/login.schema';
import type { PublicUser } from '../../../../domain/users/user-role';
import { api, isUnauthenticated } from '../../lib/api-client';
import { rememberEventsMark } from '../../lib/events-mark';
import { shouldRetryQuery } from '../../lib/should-retry-query';

export const ME_KEY = ['me'] as const;
export const ME_PATH = '/api/me';

// Another user may sign in on this tab: nothing cached for the last one may show. The `me`
// entry stays (it is updated in place), so RequireAuth sees the change at once.
function forgetEverythingButMe(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
}

/** The signed-in user; `null` when there is no session. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<PublicUser | null> => {
      try {
        return await api.get<PublicUser>(ME_PATH, rememberEventsMark);
      } catch (error) {
        if (isUnauthenticated(error)) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    // A 401 is an answer (null above); other 4xx are not asked again either.
    retry: (failures, error) => shouldRetryQuery(failures, error),
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginInput) => api.post<PublicUser>('/api/auth/login', credentials, rememberEventsMark),
    onSuccess: (user) => {
      queryClient.setQueryData(ME_KEY, user);
      forgetEverythingButMe(queryClient);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    onSettled: () => {
      queryClient.setQueryData(ME_KEY, null);
      forgetEverythingButMe(queryClient);
    },
  });
}
