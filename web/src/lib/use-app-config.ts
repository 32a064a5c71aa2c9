import { useQuery } from '@tanstack/react-query';
import type { ClientConfig } from '../../../domain/config/client-config.schema';
import { api } from './api-client';

export const getAppConfig = (): Promise<ClientConfig> => api.get<ClientConfig>('/api/config');

/** What the server tells the page about itself (`GET /api/config`): read once per page load. */
export function useAppConfig() {
  return useQuery({
    queryKey: ['config'],
    queryFn: getAppConfig,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
