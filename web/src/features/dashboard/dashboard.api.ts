import { api } from '../../lib/api-client';
import { startOfToday } from '../../lib/format';
import { FEED_SIZE, type LiveEvent } from '../../lib/use-live-events';

export interface DashboardCounts {
  leads: number;
  newToday: number;
  openTasks: number;
  overdueTasks: number;
}

// "Today" is the user's own day, so the browser says where it starts.
export const getDashboardCounts = (): Promise<DashboardCounts> =>
  api.get<DashboardCounts>(`/api/dashboard?dayStart=${encodeURIComponent(startOfToday())}`);

export const listRecentEvents = (): Promise<{ items: LiveEvent[] }> => api.get(`/api/events/recent?limit=${FEED_SIZE}`);
