import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../../../domain/analytics/dashboard.schema';
import { optionLabel } from '../../lib/format';

const HEIGHT = 200;
const COLORS = { stage: '#3f51e0', due: '#dc6803' };
const weekday = new Intl.DateTimeFormat('en-US', { weekday: 'short' });

/** "Today", "Tomorrow", then the weekday, of each day of the week chart (its start in the browser's zone). */
function dayLabel(dayStart: string, index: number): string {
  if (index === 0) return 'Today';
  if (index === 1) return 'Tomorrow';
  // Noon of that day: a day start moved by a clock change still names the right weekday.
  return weekday.format(new Date(Date.parse(dayStart) + 12 * 3_600_000));
}

/** A small chart under its title and total; screen readers get each bar's figure as a list. */
function ChartCardSmall({ title, testId, total, bars, empty, children }: { title: string; testId: string; total: string; bars: string[]; empty: string | null; children: ReactNode }) {
  return (
    <section className="card dashboard-chart" aria-label={title} data-testid={testId}>
      <header className="card-header">
        <h2>{title}</h2>
        <span className="dashboard-chart-total" data-testid={`${testId}-total`}>
          {total}
        </span>
      </header>
      {empty ? (
        <p className="empty">{empty}</p>
      ) : (
        <>
          <div className="chart-body" aria-hidden="true">
            {children}
          </div>
          <ul className="dashboard-chart-figures">
            {bars.map((bar) => (
              <li key={bar}>{bar}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const count = (rows: Array<{ value: number }>): number => rows.reduce((sum, row) => sum + row.value, 0);
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * The dashboard's two small charts, fed by `GET /api/dashboard` (so they follow the live events
 * like the KPIs): the scope's leads by stage, and my own open tasks due each day of the week.
 * Loaded on demand with recharts, like the analytics page.
 */
export function DashboardCharts({ charts }: { charts: Dashboard['charts'] }) {
  const stages = charts.leadsByStage.map((row) => ({ stage: optionLabel(row.status), leads: row.leads }));
  const days = charts.myTasksDue.map((row, index) => ({ day: dayLabel(row.dayStart, index), tasks: row.tasks }));
  const leadTotal = count(stages.map((row) => ({ value: row.leads })));
  const dueTotal = count(days.map((row) => ({ value: row.tasks })));
  return (
    <div className="dashboard-charts">
      <ChartCardSmall
        title="Leads by stage"
        testId="chart-leads-by-stage"
        total={plural(leadTotal, 'lead', 'leads')}
        bars={stages.map((row) => `${row.stage}: ${row.leads}`)}
        empty={leadTotal > 0 ? null : 'No leads yet: a new lead shows here at once.'}
      >
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <BarChart data={stages} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="stage" interval={0} tick={{ fontSize: 11 }} angle={-25} textAnchor="end" height={56} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
            <Tooltip />
            <Bar dataKey="leads" name="Leads" fill={COLORS.stage} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartCardSmall>
      <ChartCardSmall
        title="My tasks due this week"
        testId="chart-my-tasks-due"
        total={`${dueTotal} due`}
        bars={days.map((row) => `${row.day}: ${plural(row.tasks, 'task', 'tasks')}`)}
        empty={dueTotal > 0 ? null : 'Nothing of yours falls due this week.'}
      >
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <BarChart data={days} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" interval={0} tick={{ fontSize: 11 }} angle={-25} textAnchor="end" height={56} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
            <Tooltip />
            <Bar dataKey="tasks" name="Tasks due" fill={COLORS.due} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartCardSmall>
    </div>
  );
}
