import type { Analytics } from '../../../../domain/analytics/analytics.schema';
import type { Scope } from '../../../../domain/analytics/dashboard.schema';
import { api } from '../../lib/api-client';

export type { Analytics };

export function getAnalytics(scope: Scope | undefined, days: string): Promise<Analytics> {
  const from = new Date(Date.now() - Number(days) * 86_400_000).toISOString();
  return api.get(`/api/analytics?${new URLSearchParams({ ...(scope ? { scope } : {}), from }).toString()}`);
}
