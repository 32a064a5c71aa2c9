import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { DEFAULT_RANGE_DAYS, getDashboard, RANGES, type DashboardView, type RangeDays, type Scope } from './dashboard.api';

/** The dashboard's scope and range, kept in the URL (`?scope=&days=`). */
export function useDashboardView(): [DashboardView, (change: Partial<DashboardView>) => void] {
  const [params, setParams] = useSearchParams();
  const scope = (params.get('scope') as Scope | null) ?? undefined;
  const daysParam = params.get('days');
  const days: RangeDays = RANGES.some(([value]) => value === daysParam) ? (daysParam as RangeDays) : DEFAULT_RANGE_DAYS;
  const update = (change: Partial<DashboardView>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  return [{ scope, days }, update];
}

/** Every KPI for the view; SSE events mark ['dashboard'] stale, and a 30-second refresh is the safety net. */
export function useDashboard(view: DashboardView) {
  return useQuery({
    queryKey: ['dashboard', view.scope ?? 'default', view.days],
    queryFn: () => getDashboard(view),
    refetchInterval: 30_000,
    placeholderData: (previous) => previous,
  });
}
