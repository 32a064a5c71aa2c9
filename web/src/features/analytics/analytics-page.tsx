import { useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { isManagerRole } from '../../../../domain/users/user-roles';
import { money, optionLabel } from '../../lib/format';
import { useMe } from '../auth/use-me';
import { ScopeRangeControls } from '../dashboard/scope-range-controls';
import { useDashboardView } from '../dashboard/use-dashboard';
import { getAnalytics } from './analytics.api';
import { ChartCard } from './chart-card';
import { describeOnTime } from './describe-on-time';
import './analytics.css';

const COLORS = { primary: '#3f51e0', green: '#079455', amber: '#dc6803', red: '#d92d20', gray: '#667085' };
const HEIGHT = 260;
const dollars = (value: unknown) => money(Number(value));
// The API's months are "2026-12"; people read "Dec 2026".
const monthName = (value: unknown): string => {
  const [year, month] = String(value).split('-').map(Number);
  return year && month ? new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' }) : String(value);
};
const thousands = (value: number) => `$${Number((value / 1000).toFixed(1))}k`;
const minutes = (value: unknown) => (value === null || value === undefined ? '—' : `${Math.round(Number(value))} min`);

/** `/analytics`: the Monday reports, each a chart with its table and CSV. Loaded on demand (recharts is large). */
export function AnalyticsPage() {
  const me = useMe().data;
  const manager = isManagerRole(me?.role);
  const [view, setView] = useDashboardView();
  const report = useQuery({ queryKey: ['analytics', view.scope ?? 'default', view.days], queryFn: () => getAnalytics(view), placeholderData: (previous) => previous });
  const data = report.data;

  return (
    <div className="page">
      <header className="page-header">
        <h1>Analytics</h1>
        <p className="page-subtitle">Conversion, sources, buyers, tasks, revenue and the team, for the range you choose.</p>
      </header>
      <div className="dashboard-controls">
        <ScopeRangeControls idPrefix="analytics" manager={manager} view={view} setView={setView} />
      </div>
      {report.isError && <p className="alert alert-error">{report.error.message}</p>}
      {!data ? (
        <p className="muted">Loading reports…</p>
      ) : (
        <div className="analytics-grid">
          <ChartCard title="Lead conversion funnel" rows={data.funnel} columns={[{ key: 'stage', label: 'Stage', format: (value) => optionLabel(String(value)) }, { key: 'leads', label: 'Leads' }]}>
            <ResponsiveContainer width="100%" height={HEIGHT}>
              <BarChart data={data.funnel.map((row) => ({ ...row, stage: optionLabel(row.stage) }))} layout="vertical" margin={{ left: 40 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="stage" width={110} />
                <Tooltip />
                <Bar dataKey="leads" name="Leads" fill={COLORS.primary} />
              </BarChart>
            </ResponsiveContainer>
          </ChartCard>

          <ChartCard
            title="Lead source performance"
            rows={data.sources}
            columns={[
              { key: 'source', label: 'Source', format: (value) => optionLabel(String(value)) },
              { key: 'leads', label: 'Leads' },
              { key: 'contacted', label: 'Contacted' },
              { key: 'deals', label: 'Deals' },
              { key: 'revenue', label: 'Revenue', format: dollars },
            ]}
          >
            <ResponsiveContainer width="100%" height={HEIGHT}>
              <BarChart data={data.sources.map((row) => ({ ...row, source: optionLabel(row.source) }))}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="source" interval={0} angle={-20} textAnchor="end" height={60} />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Bar dataKey="leads" name="Leads" fill={COLORS.primary} />
                <Bar dataKey="contacted" name="Contacted" fill={COLORS.amber} />
                <Bar dataKey="deals" name="Deals" fill={COLORS.green} />
              </BarChart>
            </ResponsiveContainer>
          </ChartCard>

          <ChartCard
            title="Buyer engagement"
            rows={[
              { measure: 'Matches sent', count: data.buyerEngagement.matchesSent },
              { measure: 'Offers made', count: data.buyerEngagement.offersMade },
              { measure: 'Offers accepted', count: data.buyerEngagement.offersAccepted },
            ]}
            columns={[{ key: 'measure', label: 'Measure' }, { key: 'count', label: 'Count' }]}
          >
            <ResponsiveContainer width="100%" height={HEIGHT}>
              <BarChart
                data={[
                  { measure: 'Matches sent', count: data.buyerEngagement.matchesSent },
                  { measure: 'Offers made', count: data.buyerEngagement.offersMade },
                  { measure: 'Offers accepted', count: data.buyerEngagement.offersAccepted },
                ]}
              >
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="measure" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Bar dataKey="count" name="Count" fill={COLORS.green} />
              </BarChart>
            </ResponsiveContainer>
          </ChartCard>

          <ChartCard
            title="Overdue tasks by type"
            rows={data.tasks.overdueByType}
            columns={[{ key: 'type', label: 'Type', format: (value) => optionLabel(String(value)) }, { key: 'overdue', label: 'Overdue' }]}
            summary={
              <span data-testid="on-time-rate">
                {describeOnTime(data.tasks.completed, data.tasks.onTimeRate)}
              </span>
            }
          >
            <ResponsiveContainer width="100%" height={HEIGHT}>
              <BarChart data={data.tasks.overdueByType.map((row) => ({ ...row, type: optionLabel(row.type) }))}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="type" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Bar dataKey="overdue" name="Overdue" fill={COLORS.red} />
              </BarChart>
            </ResponsiveContainer>
          </ChartCard>

          <ChartCard
            title="Revenue by month"
            rows={data.revenueByMonth}
            columns={[{ key: 'month', label: 'Month', format: monthName }, { key: 'revenue', label: 'Assignment fees', format: dollars }, { key: 'deals', label: 'Deals' }]}
          >
            <ResponsiveContainer width="100%" height={HEIGHT}>
              {data.revenueByMonth.length === 1 ? (
                // One month is a lone dot on a line: a bar with its amount reads as the value it is
                // (drawn at once: an animated bar writes its amount only when the animation ends).
                <BarChart data={data.revenueByMonth} margin={{ top: 24 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="month" tickFormatter={monthName} />
                  <YAxis tickFormatter={thousands} />
                  <Tooltip formatter={(value) => dollars(value)} labelFormatter={monthName} />
                  <Bar dataKey="revenue" name="Assignment fees" fill={COLORS.primary} maxBarSize={96} isAnimationActive={false}>
                    <LabelList dataKey="revenue" position="top" formatter={dollars} className="chart-value" />
                  </Bar>
                </BarChart>
              ) : (
                <LineChart data={data.revenueByMonth}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="month" tickFormatter={monthName} />
                  <YAxis tickFormatter={thousands} />
                  <Tooltip formatter={(value) => dollars(value)} labelFormatter={monthName} />
                  <Line type="monotone" dataKey="revenue" name="Assignment fees" stroke={COLORS.primary} strokeWidth={2} />
                </LineChart>
              )}
            </ResponsiveContainer>
          </ChartCard>

          <ChartCard title="Deal velocity" rows={data.velocity} columns={[{ key: 'bucket', label: 'Lead to close' }, { key: 'deals', label: 'Deals' }]}>
            <ResponsiveContainer width="100%" height={HEIGHT}>
              <BarChart data={data.velocity}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="bucket" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Bar dataKey="deals" name="Deals" fill={COLORS.gray} />
              </BarChart>
            </ResponsiveContainer>
          </ChartCard>

          <div className="analytics-wide">
            <ChartCard
              title="Team performance"
              rows={data.team}
              columns={[
                { key: 'name', label: 'Team member' },
                { key: 'tasksCompleted', label: 'Tasks completed' },
                { key: 'responseTimeMinutes', label: 'Response time', format: minutes },
                { key: 'deals', label: 'Deals' },
              ]}
            >
              <ResponsiveContainer width="100%" height={HEIGHT}>
                <BarChart data={data.team}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="name" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="tasksCompleted" name="Tasks completed" fill={COLORS.primary} />
                  <Bar dataKey="deals" name="Deals" fill={COLORS.green} />
                </BarChart>
              </ResponsiveContainer>
            </ChartCard>
          </div>
        </div>
      )}
    </div>
  );
}
