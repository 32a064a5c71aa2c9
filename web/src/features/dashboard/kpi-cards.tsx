import type { Dashboard } from './dashboard.api';

type DashboardCounts = Pick<Dashboard, 'leads' | 'newToday' | 'openTasks' | 'overdueTasks'>;

interface KpiCard {
  key: keyof DashboardCounts;
  label: string;
  caption: string;
  testId: string;
  icon: string;
  tone: 'blue' | 'green' | 'violet' | 'amber';
}

const CARDS: KpiCard[] = [
  { key: 'leads', label: 'Leads', caption: 'Open and closed', testId: 'kpi-leads', tone: 'blue', icon: 'M3 9.5 10 4l7 5.5V16a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1zM8 17v-5h4v5' },
  { key: 'newToday', label: 'New today', caption: 'Since midnight', testId: 'kpi-new-today', tone: 'green', icon: 'M10 4v12M4 10h12' },
  { key: 'openTasks', label: 'Open tasks', caption: 'Across the team', testId: 'kpi-open-tasks', tone: 'violet', icon: 'M4 5.5 5.5 7 8 4.5M4 12.5 5.5 14 8 11.5M11 6h5M11 13h5' },
  { key: 'overdueTasks', label: 'Overdue tasks', caption: 'Past their deadline', testId: 'kpi-overdue-tasks', tone: 'amber', icon: 'M10 6v4.5l2.5 1.5M17 10a7 7 0 1 1-14 0 7 7 0 0 1 14 0Z' },
];

/** The four headline numbers, highlighted when a live change moves them. */
export function KpiCards({ data, isError, mine }: { data: Dashboard | undefined; isError: boolean; mine: boolean }) {
  return (
    <section className="kpis" aria-label="Key figures">
      {CARDS.map(({ key, label, caption, testId, icon, tone }) => {
        const value = data?.[key];
        const alert = key === 'overdueTasks' && Boolean(value);
        return (
          <article key={key} className={`card kpi kpi-${tone}${alert ? ' kpi-alert' : ''}`}>
            <div className="kpi-head">
              <h2 className="kpi-label">{label}</h2>
              <span className="kpi-icon" aria-hidden="true">
                <svg viewBox="0 0 20 20" width="18" height="18">
                  <path d={icon} fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
                </svg>
              </span>
            </div>
            {/* Keyed by value so a live change replays the highlight animation. */}
            <div key={value ?? 'none'} className={`kpi-value${value === undefined ? ' kpi-pending' : ''}`} data-testid={testId}>
              {value ?? (isError ? '—' : '…')}
            </div>
            <p className="kpi-caption">{mine && key === 'openTasks' ? 'Assigned to you' : caption}</p>
          </article>
        );
      })}
    </section>
  );
}
