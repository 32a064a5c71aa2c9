import { useMe } from '../auth/use-me';
import { CreateLeadForm } from '../leads/create-lead-form';
import { ActivityFeed } from './activity-feed';
import { KpiCards } from './kpi-cards';
import './dashboard.css';

const today = new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric' });

function greeting(hour: number): string {
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

export function DashboardPage() {
  const { data: me } = useMe();
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
      <KpiCards />
      <div className="dashboard-grid">
        <ActivityFeed />
        <CreateLeadForm />
      </div>
    </div>
  );
}
