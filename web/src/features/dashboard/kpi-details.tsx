import { money } from '../../lib/format';
import type { Dashboard } from './dashboard.api';

const percent = (value: number | null): string => (value === null ? '—' : `${Math.round(value * 1000) / 10}%`);
const dollars = (value: number | null): string => (value === null ? '—' : money(Math.round(value)));
const count = (value: number | null): string => (value === null ? '—' : value.toLocaleString('en-US'));
function duration(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes < 60) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 6) / 10} h`;
  return `${Math.round(minutes / 144) / 10} days`;
}

/** Today's calls of each agent who called (a supervisor's or admin's team or everyone): name, calls, talked. */
function CallsByAgent({ rows }: { rows: NonNullable<Dashboard['kpis']['calls']['byAgent']> }) {
  if (rows.length === 0) return <p className="muted small calls-by-agent-empty">No agent has logged a call today.</p>;
  return (
    <table className="calls-by-agent" data-testid="calls-by-agent" aria-label="Calls per agent today">
      <thead>
        <tr>
          <th scope="col">Agent</th>
          <th scope="col" className="num">Calls</th>
          <th scope="col" className="num">Talked</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.userId}>
            <th scope="row">{row.name}</th>
            <td className="num">{row.calls}</td>
            <td className="num">{row.talked}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every other dashboard KPI (leads, buyers, tasks, offers, revenue, response time, deal velocity), grouped; each figure has a test id (`kpi-<group>-<name>`). */
export function KpiDetails({ data }: { data: Dashboard | undefined }) {
  const k = data?.kpis;
  const groups: Array<[string, Array<[string, string, string]>]> = [
    ['Leads', [['conversion-rate', 'Conversion rate', percent(k?.leads.conversionRate ?? null)], ['pipeline-value', 'Pipeline value (asking)', dollars(k?.leads.pipelineValue ?? null)], ['created', 'Created in range', count(k?.leads.createdInRange ?? null)]]],
    ['Buyers', [['active', 'Active buyers', count(k?.buyers.active ?? null)], ['cash', 'Cash buyers', percent(k?.buyers.cashShare ?? null)], ['pof', 'Average proof of funds', dollars(k?.buyers.averageProofOfFunds ?? null)]]],
    ['Tasks', [['completion-rate', 'Completion rate', percent(k?.tasks.completionRate ?? null)], ['per-user-day', 'Completed per user per day', count(k?.tasks.completedPerUserPerDay ?? null)]]],
    ['Offers', [['active', 'Active offers', count(k?.offers.active ?? null)], ['acceptance-rate', 'Acceptance rate', percent(k?.offers.acceptanceRate ?? null)], ['average', 'Average offer', dollars(k?.offers.averageAmount ?? null)]]],
    ['Revenue', [['month', 'This month', dollars(k?.revenue.thisMonth ?? null)], ['deals', 'Deals closed', count(k?.revenue.dealsClosed ?? null)], ['average', 'Average deal size', dollars(k?.revenue.averageDealSize ?? null)]]],
    ['Calls', [['today', 'Calls today', count(k?.calls.today ?? null)], ['talk-rate', 'Talk rate', percent(k?.calls.talkRate ?? null)], ['per-agent', 'Calls per agent today', count(k?.calls.perAgent ?? null)]]],
    ['Speed', [['response', 'Response time', duration(k?.responseTimeMinutes ?? null)], ['velocity', 'Deal velocity', duration(k?.dealVelocityDays == null ? null : k.dealVelocityDays * 1440)]]],
  ];
  return (
    <section className="kpi-groups" aria-label="All figures">
      {groups.map(([title, figures]) => (
        <article key={title} className="card kpi-group">
          <h2 className="kpi-group-title">{title}</h2>
          <dl>
            {figures.map(([id, label, value]) => (
              <div key={id}>
                <dt>{label}</dt>
                <dd data-testid={`kpi-${title.toLowerCase()}-${id}`}>{data ? value : '…'}</dd>
              </div>
            ))}
          </dl>
          {title === 'Calls' && k?.calls.byAgent && <CallsByAgent rows={k.calls.byAgent} />}
        </article>
      ))}
    </section>
  );
}
