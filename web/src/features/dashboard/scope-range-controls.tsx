import { SCOPES } from '../../../../domain/analytics/scopes';
import { FilterSelect } from '../../lib/filter-fields';
import { RANGES, type DashboardView, type RangeDays, type Scope } from './dashboard.api';

const SCOPE_LABELS: Record<Scope, string> = { me: 'Me', team: 'My team', everyone: 'Everyone' };

/** A report's "Whose work" (for managers; the server refuses it to others) and "Range" selects. */
export function ScopeRangeControls({ idPrefix, manager, view, setView }: { idPrefix: string; manager: boolean; view: DashboardView; setView: (change: Partial<DashboardView>) => void }) {
  return (
    <>
      {manager && (
        <FilterSelect
          id={`${idPrefix}-scope`}
          label="Whose work"
          any={false}
          choices={SCOPES.map((scope) => [scope, SCOPE_LABELS[scope]])}
          value={view.scope ?? 'everyone'}
          onChange={(scope) => setView({ scope: scope as Scope })}
        />
      )}
      <FilterSelect id={`${idPrefix}-range`} label="Range" any={false} choices={RANGES} value={view.days} onChange={(days) => setView({ days: days as RangeDays })} />
    </>
  );
}
