import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { BUYER_STATUSES } from '../../../../domain/buyers/buyer-enums';
import { describeMarkets } from '../../../../domain/buyers/buyer-market';
import { PROPERTY_TYPES } from '../../../../domain/leads/lead-enums';
import { FilterForm, FilterSelect, FilterText, useUrlFilters, type Choice } from '../../lib/filter-fields';
import { ListTable, LoadMore, TableMessage } from '../../lib/list-table';
import { useCursorList } from '../../lib/use-cursor-list';
import { money, optionLabel } from '../../lib/format';
import { StatusPill } from '../../lib/status-pill';
import { BuyerForm } from './lazy-forms';
import { buyerListRequest, listBuyers, type Buyer } from './buyers.api';
import { ExportCsvLink } from '../../lib/export-csv-link';
import { useMayCreate } from '../shell/use-may-create';
import './buyers.css';

const CASH_CHOICES: Choice[] = [
  ['true', 'Cash buyers'],
  ['false', 'Financed'],
];

function priceRange(buyer: Pick<Buyer, 'minPrice' | 'maxPrice'>): string {
  if (buyer.minPrice == null && buyer.maxPrice == null) return 'Any';
  return `${buyer.minPrice == null ? 'Any' : money(buyer.minPrice)} – ${buyer.maxPrice == null ? 'any' : money(buyer.maxPrice)}`;
}

/** The buyer list, filtered by the URL's query, with the "New buyer" form. */
export function BuyersPage() {
  const navigate = useNavigate();
  const filters = useUrlFilters('buyer-filter', ['price']);
  // The dashboard's "Add buyer" opens the form at once.
  const [creating, setCreating] = useState(() => window.location.hash === '#new-buyer');
  const mayCreate = useMayCreate();
  const request = buyerListRequest(filters.current);
  const { list: buyers, rows } = useCursorList('buyers', request, listBuyers);

  return (
    <div className="page">
      <header className="page-header page-header-row">
        <div>
          <p className="page-eyebrow">Dispositions</p>
          <h1>Buyers</h1>
        </div>
        <div className="header-actions">
          <ExportCsvLink path="/api/buyers/export.csv" request={request} />
          {!creating && mayCreate('buyer') && (
            <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
              New buyer
            </button>
          )}
        </div>
      </header>
      {creating && mayCreate('buyer') && (
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
        <FilterForm filters={filters}>
          <FilterText label="Search" placeholder="Name, company, email…" wide {...filters.text('q')} />
          <FilterSelect label="Status" choices={BUYER_STATUSES.map((status) => [status, optionLabel(status)])} {...filters.select('status')} />
          <FilterSelect label="Cash" choices={CASH_CHOICES} {...filters.select('cash')} />
          <FilterSelect label="Type" choices={PROPERTY_TYPES.map((type) => [type, optionLabel(type)])} {...filters.select('propertyType')} />
          <FilterText label="Market" placeholder="Dayton" {...filters.text('market')} />
          <FilterText label="Price fits" {...filters.text('price')} />
        </FilterForm>
        {buyers.isError && (
          <p className="alert alert-error" role="alert">
            {buyers.error.message}
          </p>
        )}
        <ListTable data-testid="buyers-table">
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
                <td className="cell-title">
                  <Link to={`/buyers/${buyer.id}`} className="row-link">
                    {buyer.name}
                  </Link>
                </td>
                <td data-label="Company" className="cell-wrap">
                  {buyer.company ?? '—'}
                </td>
                <td data-label="Status">
                  <StatusPill status={buyer.status} />
                </td>
                <td data-label="Cash">{buyer.cashBuyer ? 'Yes' : 'No'}</td>
                {/* The buy box's lists wrap, so the row fits its card on a laptop screen. */}
                <td data-label="Markets" className="cell-wrap">
                  {describeMarkets(buyer.markets) || 'Any'}
                </td>
                <td data-label="Types" className="cell-wrap">
                  {buyer.propertyTypes.map(optionLabel).join(', ') || 'Any'}
                </td>
                <td data-label="Price range" className="num">
                  {priceRange(buyer)}
                </td>
                <td data-label="Proof of funds" className="num">
                  {buyer.proofOfFundsAmount == null ? '—' : money(buyer.proofOfFundsAmount)}
                </td>
                <td data-label="Contact" className="cell-wrap cell-across">
                  {buyer.email ?? buyer.phone ?? '—'}
                </td>
              </tr>
            ))}
            {buyers.isPending && <TableMessage columns={9}>Loading buyers…</TableMessage>}
            {buyers.isSuccess && rows.length === 0 && <TableMessage columns={9}>No buyers match these filters.</TableMessage>}
          </tbody>
        </ListTable>
        <LoadMore list={buyers} />
      </section>
    </div>
  );
}
