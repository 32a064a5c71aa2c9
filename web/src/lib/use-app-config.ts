import { useQuery } from '@tanstack/react-query';
import type { ClientConfig } from '../../../domain/config/client-config.schema';
import { api } from './api-client';

/** What the server tells the page about itself (`GET /api/config`): read once per page load. */
export function useAppConfig() {
  return useQuery({
    queryKey: ['config'],
    queryFn: () => api.get<ClientConfig>('/api/config'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
