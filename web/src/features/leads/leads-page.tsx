import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LEAD_SOURCES, LEAD_STATUSES, PROPERTY_TYPES } from '../../../../domain/leads/lead.schema';
import { useCursorList } from '../../lib/use-cursor-list';
import { fullDate, humanize, money, optionLabel, timeAgo } from '../../lib/format';
import { StatusPill } from '../../lib/status-pill';
import { listLeads } from './leads.api';
import { SavedViews } from './saved-views';
import './leads.css';

type Filter = 'q' | 'status' | 'source' | 'propertyType' | 'city' | 'zip' | 'minPrice' | 'maxPrice';
const DEFAULT_SORT = '-createdAt';

const COLUMNS: Array<{ label: string; sort?: string; numeric?: boolean }> = [
  { label: 'Seller', sort: 'sellerName' },
  { label: 'Address' },
  { label: 'City', sort: 'city' },
  { label: 'Type' },
  { label: 'Asking', sort: 'askingPrice', numeric: true },
  { label: 'MAO', numeric: true },
  { label: 'Status', sort: 'status' },
  { label: 'Source' },
  { label: 'Created', sort: 'createdAt' },
];

const queryOf = (params: URLSearchParams): Record<string, string> => Object.fromEntries([...params.entries()].filter(([, value]) => value !== ''));

/** The lead list: filters and sort live in the URL, so a view can be shared or saved. */
export function LeadsPage() {
  const [params, setParams] = useSearchParams();
  const current = queryOf(params);
  const sort = params.get('sort') ?? DEFAULT_SORT;
  const [draft, setDraft] = useState<Record<string, string>>(current);
  // The URL changed under us (a saved view, back button): show its filters in the boxes.
  const [seen, setSeen] = useState(params.toString());
  if (seen !== params.toString()) {
    setSeen(params.toString());
    setDraft(current);
  }

  const request = new URLSearchParams({ ...current, limit: '50', sort });
  const { list: leads, rows } = useCursorList('leads', request, listLeads);

  const apply = (next: Record<string, string>) => setParams(queryOf(new URLSearchParams(next)));
  const setFilter = (name: Filter, value: string) => setDraft((old) => ({ ...old, [name]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply({ ...draft, ...(params.get('sort') ? { sort } : {}) });
  };
  // Selects apply at once; text boxes on Enter or "Apply".
  const selectNow = (name: Filter, value: string) => apply({ ...draft, [name]: value, ...(params.get('sort') ? { sort } : {}) });
  const toggleSort = (column: string) => apply({ ...current, sort: sort === `-${column}` ? column : `-${column}` });

  const textBox = (name: Filter, label: string, extra: { placeholder?: string; inputMode?: 'numeric'; wide?: boolean } = {}) => (
    <div className={`field${extra.wide ? ' field-wide' : ''}`}>
      <label className="field-label" htmlFor={`filter-${name}`}>
        {label}
      </label>
      <input id={`filter-${name}`} value={draft[name] ?? ''} onChange={(event) => setFilter(name, event.target.value)} placeholder={extra.placeholder} inputMode={extra.inputMode} />
    </div>
  );
  const selectBox = (name: Filter, label: string, values: readonly string[]) => (
    <div className="field">
      <label className="field-label" htmlFor={`filter-${name}`}>
        {label}
      </label>
      <select id={`filter-${name}`} value={draft[name] ?? ''} onChange={(event) => selectNow(name, event.target.value)}>
        <option value="">Any</option>
        {/* A shared link may carry a list ("NEW,CONTACTED"); keep it selectable. */}
        {draft[name]?.includes(',') && <option value={draft[name]}>{draft[name].split(',').map(humanize).join(', ')}</option>}
        {values.map((value) => (
          <option key={value} value={value}>
            {optionLabel(value)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="page">
      <header className="page-header page-header-row">
        <div>
          <p className="page-eyebrow">Acquisitions</p>
          <h1>Leads</h1>
        </div>
        <div className="header-actions">
          <Link className="button button-secondary" to="/leads/board">
            Pipeline board
          </Link>
        </div>
      </header>
      <section className="card" aria-label="Leads">
        <form className="toolbar" onSubmit={submit} aria-label="Filters">
          {textBox('q', 'Search', { placeholder: 'Name, street, phone…', wide: true })}
          {selectBox('status', 'Status', LEAD_STATUSES)}
          {selectBox('source', 'Source', LEAD_SOURCES)}
          {selectBox('propertyType', 'Type', PROPERTY_TYPES)}
          {textBox('city', 'City', { placeholder: 'Dayton' })}
          {textBox('zip', 'ZIP', { placeholder: '45402', inputMode: 'numeric' })}
          {textBox('minPrice', 'Min price', { inputMode: 'numeric' })}
          {textBox('maxPrice', 'Max price', { inputMode: 'numeric' })}
          <button type="submit" className="button button-primary">
            Apply
          </button>
          {Object.keys(current).length > 0 && (
            <button type="button" className="button button-secondary" onClick={() => apply({})}>
              Clear
            </button>
          )}
        </form>
        <div className="toolbar toolbar-secondary">
          <SavedViews page="leads" current={current} onApply={apply} />
          <span className="muted small toolbar-count">
            {leads.isSuccess && `${rows.length}${leads.hasNextPage ? '+' : ''} leads`}
          </span>
        </div>
        {leads.isError && (
          <p className="alert alert-error" role="alert">
            {leads.error.message}
          </p>
        )}
        <div className="table-wrap">
          <table className="data-table" data-testid="leads-table">
            <thead>
              <tr>
                {COLUMNS.map((column) => {
                  const direction = sort === column.sort ? 'ascending' : sort === `-${column.sort}` ? 'descending' : undefined;
                  return (
                    <th key={column.label} className={column.numeric ? 'num' : undefined} aria-sort={direction ?? 'none'}>
                      {column.sort ? (
                        <button type="button" className="sort-button" data-active={Boolean(direction)} onClick={() => toggleSort(column.sort ?? '')}>
                          {column.label}
                          <span aria-hidden="true">{direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}</span>
                        </button>
                      ) : (
                        column.label
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {rows.map((lead) => (
                <tr key={lead.id}>
                  <td>
                    <Link to={`/leads/${lead.id}`} className="row-link">
                      {lead.sellerName}
                    </Link>
                  </td>
                  <td>{lead.street}</td>
                  <td>
                    {lead.city}, {lead.state} {lead.zip}
                  </td>
                  <td>{optionLabel(lead.propertyType)}</td>
                  <td className="num">{lead.askingPrice == null ? '—' : money(lead.askingPrice)}</td>
                  <td className="num">{lead.mao == null ? '—' : money(lead.mao)}</td>
                  <td>
                    <StatusPill status={lead.status} />
                  </td>
                  <td>{optionLabel(lead.source)}</td>
                  <td title={fullDate(lead.createdAt)}>{timeAgo(lead.createdAt)}</td>
                </tr>
              ))}
              {leads.isPending && (
                <tr>
                  <td colSpan={COLUMNS.length} className="empty">
                    Loading leads…
                  </td>
                </tr>
              )}
              {leads.isSuccess && rows.length === 0 && (
                <tr>
                  <td colSpan={COLUMNS.length} className="empty">
                    No leads match these filters.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        {leads.hasNextPage && (
          <footer className="card-footer">
            <button type="button" className="button button-secondary" disabled={leads.isFetchingNextPage} onClick={() => void leads.fetchNextPage()}>
              {leads.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          </footer>
        )}
      </section>
    </div>
  );
}
