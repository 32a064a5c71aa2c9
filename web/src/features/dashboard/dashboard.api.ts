import type { Dashboard, Scope } from '../../../../domain/analytics/dashboard.schema';
import { api } from '../../lib/api-client';
import { startOfToday } from '../../lib/format';
import type { LiveEvent } from '../../../../domain/events/live-event.schema';
import type { List } from '../../../../domain/pagination';
import { FEED_SIZE } from '../../lib/use-live-events';

export type { Dashboard, Scope };

export const RANGES = [
  ['7', 'Last 7 days'],
  ['30', 'Last 30 days'],
  ['90', 'Last 90 days'],
  ['365', 'Last 12 months'],
] as const;
export type RangeDays = (typeof RANGES)[number][0];

export interface DashboardView {
  /** Absent: the server's default (agents: their own work; managers: everyone). */
  scope?: Scope;
  days: RangeDays;
}

export const DEFAULT_RANGE_DAYS: RangeDays = '30';

/**
 * `scope` and `from` of a report over the view; the range ends now. `from` is on a whole minute,
 * as the server reads it, so the same view asked a moment later is the same request (an early one is taken).
 */
export function reportParams(view: DashboardView): URLSearchParams {
  const from = new Date(Math.floor((Date.now() - Number(view.days) * 86_400_000) / 60_000) * 60_000).toISOString();
  return new URLSearchParams({ ...(view.scope ? { scope: view.scope } : {}), from });
}

// "Today" is the user's own day, so the browser says where it starts.
export function dashboardParams(view: DashboardView): URLSearchParams {
  const params = reportParams(view);
  params.set('dayStart', startOfToday());
  return params;
}

export const getDashboard = (view: DashboardView): Promise<Dashboard> => api.get<Dashboard>(`/api/dashboard?${dashboardParams(view).toString()}`);

export const listRecentEvents = (): Promise<List<LiveEvent>> => api.get(`/api/events/recent?limit=${FEED_SIZE}`);
