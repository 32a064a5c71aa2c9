import { useState } from 'react';
import { Link } from 'react-router';
import { LEAD_SOURCES, LEAD_STATUSES, PROPERTY_TYPES } from '../../../../domain/leads/lead.schema';
import { FilterForm, FilterSelect, FilterText, useUrlFilters, type Choice } from '../../lib/filter-fields';
import { ListTable, LoadMore, TableMessage } from '../../lib/list-table';
import { useCursorList } from '../../lib/use-cursor-list';
import { fullDate, humanize, money, optionLabel, timeAgo } from '../../lib/format';
import { StatusPill } from '../../lib/status-pill';
import { CreateLeadForm } from './create-lead-form';
import { listLeads } from './leads.api';
import { SavedViews } from './saved-views';
import './leads.css';

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

// The choices in a wholesaler's words; a shared link may carry a list ("NEW,CONTACTED"): keep it selectable.
function choicesOf(values: readonly string[], selected: string): Choice[] {
  const list: Choice[] = selected.includes(',') ? [[selected, selected.split(',').map(humanize).join(', ')]] : [];
  return [...list, ...values.map((value): Choice => [value, optionLabel(value)])];
}

/** The lead list: filters and sort live in the URL, so a view can be shared or saved. */
export function LeadsPage() {
  const filters = useUrlFilters('filter', ['minPrice', 'maxPrice']);
  const [creating, setCreating] = useState(false);
  const { params, current, apply } = filters;
  const sort = params.get('sort') ?? DEFAULT_SORT;

  const request = new URLSearchParams({ ...current, limit: '50', sort });
  const { list: leads, rows } = useCursorList('leads', request, listLeads);
  const toggleSort = (column: string) => apply({ ...current, sort: sort === `-${column}` ? column : `-${column}` });
  const select = (name: string, label: string, values: readonly string[]) => {
    const props = filters.select(name);
    return <FilterSelect label={label} choices={choicesOf(values, props.value)} {...props} />;
  };

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
          {!creating && (
            <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
              New lead
            </button>
          )}
        </div>
      </header>
      {creating && <CreateLeadForm onClose={() => setCreating(false)} />}
      <section className="card" aria-label="Leads">
        <FilterForm filters={filters}>
          <FilterText label="Search" placeholder="Name, street, phone…" wide {...filters.text('q')} />
          {select('status', 'Status', LEAD_STATUSES)}
          {select('source', 'Source', LEAD_SOURCES)}
          {select('propertyType', 'Type', PROPERTY_TYPES)}
          <FilterText label="City" placeholder="Dayton" {...filters.text('city')} />
          <FilterText label="ZIP" placeholder="45402" inputMode="numeric" {...filters.text('zip')} />
          <FilterText label="Min price" {...filters.text('minPrice')} />
          <FilterText label="Max price" {...filters.text('maxPrice')} />
        </FilterForm>
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
        <ListTable data-testid="leads-table">
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
                <td className="cell-title">
                  <Link to={`/leads/${lead.id}`} className="row-link">
                    {lead.sellerName}
                  </Link>
                </td>
                <td data-label="Address">{lead.street}</td>
                <td data-label="City">
                  {lead.city}, {lead.state} {lead.zip}
                </td>
                <td data-label="Type">{optionLabel(lead.propertyType)}</td>
                <td data-label="Asking" className="num">
                  {lead.askingPrice == null ? '—' : money(lead.askingPrice)}
                </td>
                <td data-label="MAO" className="num">
                  {lead.mao == null ? '—' : money(lead.mao)}
                </td>
                <td data-label="Status">
                  <StatusPill status={lead.status} />
                </td>
                <td data-label="Source">{optionLabel(lead.source)}</td>
                <td data-label="Created" title={fullDate(lead.createdAt)}>
                  {timeAgo(lead.createdAt)}
                </td>
              </tr>
            ))}
            {leads.isPending && <TableMessage columns={COLUMNS.length}>Loading leads…</TableMessage>}
            {leads.isSuccess && rows.length === 0 && <TableMessage columns={COLUMNS.length}>No leads match these filters.</TableMessage>}
          </tbody>
        </ListTable>
        <LoadMore list={leads} />
      </section>
    </div>
  );
}
