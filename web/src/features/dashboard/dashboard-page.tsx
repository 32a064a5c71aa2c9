import { Link } from 'react-router';
import { SCOPES } from '../../../../domain/analytics/dashboard.schema';
import { useMe } from '../auth/use-me';
import { CreateLeadForm } from '../leads/create-lead-form';
import { ActivityFeed } from './activity-feed';
import { RANGES, type RangeDays, type Scope } from './dashboard.api';
import { KpiCards } from './kpi-cards';
import { KpiDetails } from './kpi-details';
import { useDashboard, useDashboardView } from './use-dashboard';
import './dashboard.css';

const today = new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric' });

function greeting(hour: number): string {
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

export function DashboardPage() {
  const { data: me } = useMe();
  const [view, setView] = useDashboardView();
  const dashboard = useDashboard(view);
  const manager = me?.role === 'SUPERVISOR' || me?.role === 'ADMIN';
  const now = new Date();
  return (
    <div className="page">
      <header className="page-header">
        <p className="page-eyebrow">{today.format(now)}</p>
        <h1>
          {greeting(now.getHours())}
          {me ? `, ${me.name.split(' ')[0]}` : ''}
        </h1>
        <p className="page-subtitle">Your pipeline at a glance. Everything on this page updates live.</p>
      </header>
      <div className="dashboard-controls">
        {manager && (
          <div className="field">
            <label className="field-label" htmlFor="dashboard-scope">
              Whose work
            </label>
            <select id="dashboard-scope" value={view.scope ?? 'everyone'} onChange={(event) => setView({ scope: event.target.value as Scope })}>
              {SCOPES.map((scope) => (
                <option key={scope} value={scope}>
                  {scope === 'me' ? 'Me' : scope === 'team' ? 'My team' : 'Everyone'}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label className="field-label" htmlFor="dashboard-range">
            Range
          </label>
          <select id="dashboard-range" value={view.days} onChange={(event) => setView({ days: event.target.value as RangeDays })}>
            {RANGES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="quick-actions">
          <a className="button button-secondary" href="#new-lead-title">
            New lead
          </a>
          <Link className="button button-secondary" to="/buyers#new-buyer">
            Add buyer
          </Link>
          <Link className="button button-secondary" to="/tasks/new">
            New task
          </Link>
        </div>
      </div>
      <KpiCards data={dashboard.data} isError={dashboard.isError} mine={!manager || view.scope === 'me'} />
      <KpiDetails data={dashboard.data} />
      <div className="dashboard-grid">
        <ActivityFeed />
        <CreateLeadForm />
      </div>
    </div>
  );
}
