import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { BUYER_STATUSES } from '../../../../domain/buyers/buyer.schema';
import { PROPERTY_TYPES } from '../../../../domain/leads/lead.schema';
import { useCursorList } from '../../lib/use-cursor-list';
import { humanize, money, optionLabel } from '../../lib/format';
import { StatusPill } from '../../lib/status-pill';
import { BuyerForm } from './buyer-form';
import { listBuyers, type Buyer } from './buyers.api';
import './buyers.css';

const queryOf = (params: URLSearchParams): Record<string, string> => Object.fromEntries([...params.entries()].filter(([, value]) => value !== ''));

function priceRange(buyer: Buyer): string {
  if (buyer.minPrice == null && buyer.maxPrice == null) return 'Any';
  return `${buyer.minPrice == null ? 'Any' : money(buyer.minPrice)} – ${buyer.maxPrice == null ? 'any' : money(buyer.maxPrice)}`;
}

/** The buyer list, filtered by the URL's query, with the "New buyer" form. */
export function BuyersPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const current = queryOf(params);
  // The dashboard's "Add buyer" opens the form at once.
  const [creating, setCreating] = useState(() => window.location.hash === '#new-buyer');
  const [draft, setDraft] = useState(current);
  const [seen, setSeen] = useState(params.toString());
  if (seen !== params.toString()) {
    setSeen(params.toString());
    setDraft(current);
  }
  const request = new URLSearchParams({ ...current, limit: '50' });
  const { list: buyers, rows } = useCursorList('buyers', request, listBuyers);
  const apply = (next: Record<string, string>) => setParams(queryOf(new URLSearchParams(next)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply(draft);
  };
  const text = (name: string, label: string, placeholder?: string, wide = false) => (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label className="field-label" htmlFor={`buyer-filter-${name}`}>
        {label}
      </label>
      <input id={`buyer-filter-${name}`} value={draft[name] ?? ''} placeholder={placeholder} onChange={(event) => setDraft({ ...draft, [name]: event.target.value })} />
    </div>
  );
  const select = (name: string, label: string, options: ReadonlyArray<[string, string]>) => (
    <div className="field">
      <label className="field-label" htmlFor={`buyer-filter-${name}`}>
        {label}
      </label>
      <select id={`buyer-filter-${name}`} value={draft[name] ?? ''} onChange={(event) => apply({ ...draft, [name]: event.target.value })}>
        <option value="">Any</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="page">
      <header className="page-header page-header-row">
        <div>
          <p className="page-eyebrow">Dispositions</p>
          <h1>Buyers</h1>
        </div>
        {!creating && (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            New buyer
          </button>
        )}
      </header>
      {creating && (
        <section className="card new-buyer-card" aria-labelledby="new-buyer-title">
          <header className="card-header">
            <div>
              <h2 id="new-buyer-title">New buyer</h2>
              <p className="card-subtitle">Their buy box decides which leads they are matched with.</p>
            </div>
          </header>
          <BuyerForm onDone={(buyer) => void navigate(`/buyers/${buyer.id}`)} onCancel={() => setCreating(false)} />
        </section>
      )}
      <section className="card" aria-label="Buyers">
        <form className="toolbar" onSubmit={submit} aria-label="Filters">
          {text('q', 'Search', 'Name, company, email…', true)}
          {select('status', 'Status', BUYER_STATUSES.map((status) => [status, humanize(status)]))}
          {select('cash', 'Cash', [
            ['true', 'Cash buyers'],
            ['false', 'Financed'],
          ])}
          {select('propertyType', 'Type', PROPERTY_TYPES.map((type) => [type, optionLabel(type)]))}
          {text('market', 'Market', 'Dayton')}
          {text('price', 'Price fits', '90000')}
          <button type="submit" className="button button-primary">
            Apply
          </button>
          {Object.keys(current).length > 0 && (
            <button type="button" className="button button-secondary" onClick={() => apply({})}>
              Clear
            </button>
          )}
        </form>
        {buyers.isError && (
          <p className="alert alert-error" role="alert">
            {buyers.error.message}
          </p>
        )}
        <div className="table-wrap">
          <table className="data-table" data-testid="buyers-table">
            <thead>
              <tr>
                <th>Buyer</th>
                <th>Company</th>
                <th>Status</th>
                <th>Cash</th>
                <th>Markets</th>
                <th>Types</th>
                <th className="num">Price range</th>
                <th className="num">Proof of funds</th>
                <th>Contact</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((buyer) => (
                <tr key={buyer.id}>
                  <td>
                    <Link to={`/buyers/${buyer.id}`} className="row-link">
                      {buyer.name}
                    </Link>
                  </td>
                  <td>{buyer.company ?? '—'}</td>
                  <td>
                    <StatusPill status={buyer.status} />
                  </td>
                  <td>{buyer.cashBuyer ? 'Yes' : 'No'}</td>
                  <td>{buyer.markets.join(', ') || 'Any'}</td>
                  <td>{buyer.propertyTypes.map(optionLabel).join(', ') || 'Any'}</td>
                  <td className="num">{priceRange(buyer)}</td>
                  <td className="num">{buyer.proofOfFundsAmount == null ? '—' : money(buyer.proofOfFundsAmount)}</td>
                  <td>{buyer.email ?? buyer.phone ?? '—'}</td>
                </tr>
              ))}
              {buyers.isPending && (
                <tr>
                  <td colSpan={9} className="empty">
                    Loading buyers…
                  </td>
                </tr>
              )}
              {buyers.isSuccess && rows.length === 0 && (
                <tr>
                  <td colSpan={9} className="empty">
                    No buyers match these filters.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        {buyers.hasNextPage && (
          <footer className="card-footer">
            <button type="button" className="button button-secondary" disabled={buyers.isFetchingNextPage} onClick={() => void buyers.fetchNextPage()}>
              {buyers.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          </footer>
        )}
      </section>
    </div>
  );
}
