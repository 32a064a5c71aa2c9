import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ClientConfig } from '../../../domain/config/client-config.schema';
import { api } from './api-client';

export function useAppConfig() {
  return useQuery({
    queryKey: ['config'],
    queryFn: () => api.get<ClientConfig>('/api/config'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** `(workflowId) => URL of that workflow in the Temporal Web UI`, or undefined until config loads. */
export function useWorkflowLink(): (workflowId: string) => string | undefined {
  const base = useAppConfig().data?.temporalUiUrl;
  return useCallback(
    (workflowId: string) => (base ? `${base.replace(/\/$/, '')}/namespaces/default/workflows/${encodeURIComponent(workflowId)}` : undefined),
    [base],
  );
}
