import { SCOPES } from '../../../../domain/analytics/dashboard.schema';
import { RANGES, type DashboardView, type RangeDays, type Scope } from './dashboard.api';

const SCOPE_LABELS: Record<Scope, string> = { me: 'Me', team: 'My team', everyone: 'Everyone' };

/** A report's "Whose work" (for managers; the server refuses it to others) and "Range" selects. */
export function ScopeRangeControls({ idPrefix, manager, view, setView }: { idPrefix: string; manager: boolean; view: DashboardView; setView: (change: Partial<DashboardView>) => void }) {
  return (
    <>
      {manager && (
        <div className="field">
          <label className="field-label" htmlFor={`${idPrefix}-scope`}>
            Whose work
          </label>
          <select id={`${idPrefix}-scope`} value={view.scope ?? 'everyone'} onChange={(event) => setView({ scope: event.target.value as Scope })}>
            {SCOPES.map((scope) => (
              <option key={scope} value={scope}>
                {SCOPE_LABELS[scope]}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label className="field-label" htmlFor={`${idPrefix}-range`}>
          Range
        </label>
        <select id={`${idPrefix}-range`} value={view.days} onChange={(event) => setView({ days: event.target.value as RangeDays })}>
          {RANGES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
