import { useMe } from '../auth/use-me';
import { CreateLeadForm } from '../leads/create-lead-form';
import { ActivityFeed } from './activity-feed';
import { KpiCards } from './kpi-cards';

export function DashboardPage() {
  const { data: me } = useMe();
  return (
    <div className="dashboard">
      <div className="page-header">
        <div>
          <h1>Dashboard</h1>
          <p className="muted">Welcome back, {me?.name.split(' ')[0]}. Everything here updates live.</p>
        </div>
      </div>
      <KpiCards />
      <div className="dashboard-grid">
        <ActivityFeed />
        <CreateLeadForm />
      </div>
    </div>
  );
}
