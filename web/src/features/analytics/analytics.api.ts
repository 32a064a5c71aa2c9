import type { Analytics } from '../../../../domain/analytics/analytics.schema';
import { api } from '../../lib/api-client';
import { reportParams, type DashboardView } from '../dashboard/dashboard.api';

export type { Analytics };

export const getAnalytics = (view: DashboardView): Promise<Analytics> => api.get(`/api/analytics?${reportParams(view).toString()}`);
