import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { isManagerRole } from '../../../../domain/users/user-roles';
import { useMe } from '../auth/use-me';
import { useMayCreate } from '../shell/use-may-create';
import { CreateLeadForm } from '../leads/lazy-forms';
import { ActivityFeed } from './activity-feed';
import { KpiCards } from './kpi-cards';
import { KpiDetails } from './kpi-details';
import { ScopeRangeControls } from './scope-range-controls';
import { useDashboard, useDashboardView } from './use-dashboard';
import './dashboard.css';

// recharts is large: the charts load after the page, as the analytics page does.
const DashboardCharts = lazy(() => import('./dashboard-charts').then((module) => ({ default: module.DashboardCharts })));

const today = new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric' });

function greeting(hour: number): string {
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

export function DashboardPage() {
  const { data: me } = useMe();
  const mayCreate = useMayCreate();
  const createsLeads = mayCreate('lead');
  const [view, setView] = useDashboardView();
  const dashboard = useDashboard(view);
  const manager = isManagerRole(me?.role);
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
        <ScopeRangeControls idPrefix="dashboard" manager={manager} view={view} setView={setView} />
        <div className="quick-actions">
          {createsLeads && (
            <a className="button button-secondary" href="#new-lead-title">
              New lead
            </a>
          )}
          {mayCreate('buyer') && (
            <Link className="button button-secondary" to="/buyers#new-buyer">
              Add buyer
            </Link>
          )}
          <Link className="button button-secondary" to="/tasks/new">
            New task
          </Link>
        </div>
      </div>
      <KpiCards data={dashboard.data} isError={dashboard.isError} mine={!manager || view.scope === 'me'} />
      {dashboard.data && (
        <Suspense fallback={null}>
          <DashboardCharts charts={dashboard.data.charts} />
        </Suspense>
      )}
      <KpiDetails data={dashboard.data} />
      <div className={createsLeads ? 'dashboard-grid' : 'dashboard-grid dashboard-grid-single'}>
        <ActivityFeed />
        {/* Below the figures, its code (the form's, zod's) is fetched once they are in. */}
        {createsLeads && (dashboard.data || dashboard.isError) && <CreateLeadForm />}
      </div>
    </div>
  );
}
