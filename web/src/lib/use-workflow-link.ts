import { useCallback } from 'react';
import { useAppConfig } from './use-app-config';

/** `(workflowId) => URL of that workflow in the Temporal Web UI`, or undefined until config loads. */
export function useWorkflowLink(): (workflowId: string) => string | undefined {
  const base = useAppConfig().data?.temporalUiUrl;
  return useCallback(
    (workflowId: string) => (base ? `${base.replace(/\/$/, '')}/namespaces/default/workflows/${encodeURIComponent(workflowId)}` : undefined),
    [base],
  );
}
