import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { startOfToday } from '../../lib/format';

interface DashboardCounts {
  leads: number;
  newToday: number;
  openTasks: number;
  overdueTasks: number;
}

const CARDS: Array<{ key: keyof DashboardCounts; label: string; testId: string; warnWhenPositive?: boolean }> = [
  { key: 'leads', label: 'Leads', testId: 'kpi-leads' },
  { key: 'newToday', label: 'New today', testId: 'kpi-new-today' },
  { key: 'openTasks', label: 'Open tasks', testId: 'kpi-open-tasks' },
  { key: 'overdueTasks', label: 'Overdue tasks', testId: 'kpi-overdue-tasks', warnWhenPositive: true },
];

export function KpiCards() {
  const { data, isError } = useQuery({
    queryKey: ['dashboard', 'counts'],
    queryFn: () => api.get<DashboardCounts>(`/api/dashboard?dayStart=${encodeURIComponent(startOfToday())}`),
    // SSE keeps it current; this is the safety net.
    refetchInterval: 30_000,
  });

  return (
    <section className="kpis" aria-label="Key figures">
      {CARDS.map(({ key, label, testId, warnWhenPositive }) => {
        const value = data?.[key];
        return (
          <div key={key} className={`card kpi ${warnWhenPositive && value ? 'kpi-warn' : ''}`}>
            <div className="kpi-label">{label}</div>
            <div className="kpi-value" data-testid={testId}>
              {value ?? (isError ? '—' : '…')}
            </div>
          </div>
        );
      })}
    </section>
  );
}
