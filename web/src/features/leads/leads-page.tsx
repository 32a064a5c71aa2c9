import { ReassignPicker } from '../users/reassign-picker';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { LEAD_SOURCES, PROPERTY_TYPES } from '../../../../domain/leads/lead-enums';
import { LEAD_STATUSES } from '../../../../domain/leads/lead-statuses';
import { FilterForm, FilterSelect, FilterText, useUrlFilters, type Choice } from '../../lib/filter-fields';
import { ListTable, LoadMore, TableMessage } from '../../lib/list-table';
import { useCursorList } from '../../lib/use-cursor-list';
import { fullDate, money, optionLabel, timeAgo } from '../../lib/format';
import { StatusPill } from '../../lib/status-pill';
import { useDeniedReason } from '../auth/use-denied-reason';
import { CreateLeadForm } from './lazy-forms';
import { DEFAULT_LEAD_SORT, leadListRequest, listLeads, reassignLeads, type BulkLeadResult } from './leads.api';
import { SavedViews } from './saved-views';
import { describeLeadScore } from '../../../../domain/leads/lead-score';
import { ExportCsvLink } from '../../lib/export-csv-link';
import { useMayCreate } from '../shell/use-may-create';
import './leads.css';

const COLUMNS: Array<{ label: string; sort?: string; numeric?: boolean }> = [
  { label: 'Seller', sort: 'sellerName' },
  // The street with its city under it (sorted by city), the seller with the source under it: the table fits a 1440 px screen.
  { label: 'Address', sort: 'city' },
  { label: 'Type' },
  { label: 'Asking', sort: 'askingPrice', numeric: true },
  { label: 'MAO', numeric: true },
  { label: 'Status', sort: 'status' },
  { label: 'Score', sort: 'score', numeric: true },
  { label: 'Next follow-up', sort: 'nextFollowUpAt' },
  { label: 'Created', sort: 'createdAt' },
];

function summarise(result: BulkLeadResult): string {
  const failed = result.results.filter((row) => !row.ok);
  return [`${result.results.length - failed.length} of ${result.results.length} reassigned.`, ...failed.map((row) => `${row.id}: ${row.error}`)].join(' ');
}

// The choices in a wholesaler's words; a shared link may carry a list ("NEW,CONTACTED"): keep it selectable.
function choicesOf(values: readonly string[], selected: string): Choice[] {
  const list: Choice[] = selected.includes(',') ? [[selected, selected.split(',').map(optionLabel).join(', ')]] : [];
  return [...list, ...values.map((value): Choice => [value, optionLabel(value)])];
}

// The API's includeArchived: left out unless asked.
const ARCHIVED_CHOICES: readonly Choice[] = [['', 'Hidden'], ['true', 'Shown']];

/** The lead list: filters and sort live in the URL, so a view can be shared or saved. */
export function LeadsPage() {
  const filters = useUrlFilters('filter', ['minPrice', 'maxPrice']);
  const [creating, setCreating] = useState(false);
  const mayCreate = useMayCreate();
  const { params, current, apply } = filters;
  const sort = params.get('sort') ?? DEFAULT_LEAD_SORT;

  const request = leadListRequest(current, sort);
  const { list: leads, rows } = useCursorList('leads', request, listLeads);
  // Supervisors and admins pick leads and hand them to another owner, tasks and all.
  const canReassign = useDeniedReason()('changeOwner', { type: 'lead', ownerId: null }) === undefined;
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [owner, setOwner] = useState('');
  const [bulkMessage, setBulkMessage] = useState<string>();
  const bulk = useMutation({
    mutationFn: () => reassignLeads([...selected], owner),
    onSuccess: (result) => {
      setBulkMessage(summarise(result));
      setSelected(new Set());
      void queryClient.invalidateQueries({ queryKey: ['leads'] });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
    onError: (error) => setBulkMessage(error.message),
  });
  const toggle = (id: string) =>
    setSelected((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));
  const columnCount = COLUMNS.length + (canReassign ? 1 : 0);
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
          <ExportCsvLink path="/api/leads/export.csv" request={request} />
          <Link className="button button-secondary" to="/leads/board">
            Pipeline board
          </Link>
          {!creating && mayCreate('lead') && (
            <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
              New lead
            </button>
          )}
        </div>
      </header>
      {creating && mayCreate('lead') && <CreateLeadForm onClose={() => setCreating(false)} />}
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
          <FilterSelect label="Archived" any={false} choices={ARCHIVED_CHOICES} {...filters.select('includeArchived')} />
        </FilterForm>
        <div className="toolbar toolbar-secondary">
          <SavedViews page="leads" current={current} onApply={apply} />
          <span className="muted small toolbar-count">
            {leads.isSuccess && `${rows.length}${leads.hasNextPage ? '+' : ''} leads`}
          </span>
        </div>
        {canReassign && selected.size > 0 && (
          <div className="bulk-bar" role="region" aria-label="Bulk actions">
            <span>{selected.size} selected</span>
            <ReassignPicker id="bulk-owner" value={owner} onChange={setOwner} onReassign={() => bulk.mutate()} pending={bulk.isPending} />
          </div>
        )}
        {bulkMessage && (
          <p className="alert alert-success" role="status">
            {bulkMessage}
          </p>
        )}
        {leads.isError && (
          <p className="alert alert-error" role="alert">
            {leads.error.message}
          </p>
        )}
        <ListTable data-testid="leads-table">
          <thead>
            <tr>
              {canReassign && (
                <th>
                  <label className="select-cell">
                    <input type="checkbox" aria-label="Select all" checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((row) => row.id)))} />
                  </label>
                </th>
              )}
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
                {canReassign && (
                  <td className="cell-select">
                    <label className="select-cell">
                      <input type="checkbox" aria-label={`Select ${lead.sellerName}`} checked={selected.has(lead.id)} onChange={() => toggle(lead.id)} />
                    </label>
                  </td>
                )}
                <td className="cell-title">
                  <Link to={`/leads/${lead.id}`} className="row-link">
                    {lead.sellerName}
                  </Link>
                  <span className="cell-sub muted" title="Source">
                    {optionLabel(lead.source)}
                  </span>
                </td>
                <td data-label="Address">
                  {lead.street}
                  <span className="cell-sub muted">
                    {lead.city}, {lead.state} {lead.zip}
                  </span>
                </td>
                <td data-label="Type">{optionLabel(lead.propertyType)}</td>
                <td data-label="Asking" className="num">
                  {lead.askingPrice == null ? '—' : money(lead.askingPrice)}
                </td>
                <td data-label="MAO" className="num">
                  {lead.mao == null ? '—' : money(lead.mao)}
                </td>
                <td data-label="Status">
                  <StatusPill status={lead.status} /> {lead.archivedAt && <StatusPill status="ARCHIVED" />}
                </td>
                <td data-label="Score" className="num" title={describeLeadScore({ score: lead.score, parts: lead.scoreParts })}>
                  {lead.score}
                </td>
                <td data-label="Next follow-up" title={lead.nextFollowUpAt ? fullDate(lead.nextFollowUpAt) : undefined}>
                  {lead.nextFollowUpAt ? timeAgo(lead.nextFollowUpAt) : '—'}
                </td>
                <td data-label="Created" title={fullDate(lead.createdAt)}>
                  {timeAgo(lead.createdAt)}
                </td>
              </tr>
            ))}
            {leads.isPending && <TableMessage columns={columnCount}>Loading leads…</TableMessage>}
            {leads.isSuccess && rows.length === 0 && <TableMessage columns={columnCount}>No leads match these filters.</TableMessage>}
          </tbody>
        </ListTable>
        <LoadMore list={leads} />
      </section>
    </div>
  );
}
