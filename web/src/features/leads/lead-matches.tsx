import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useDeniedReason } from '../auth/use-denied-reason';
import { CreateOfferForm } from '../offers/lazy-forms';
import type { LeadStatus } from '../../../../domain/leads/lead.schema';
import { listLeadMatches } from './leads.api';

/** Buyers whose buy box fits this lead, best first, each with a one-click offer; a DEAD or CLOSED lead offers none. */
export function LeadMatches({ leadId, status, suggestedAmount }: { leadId: string; status: LeadStatus; suggestedAmount: number | null }) {
  const isOver = status === 'DEAD' || status === 'CLOSED';
  const [offeringTo, setOfferingTo] = useState<string>();
  // An offer to a matched buyer is a buyer's offer: acquisitions', a supervisor's or an admin's.
  const denied = useDeniedReason()('create', { type: 'offer', kind: 'BUYER', leadOwnerId: null, createdById: null });
  // Under ['buyers'] too: a buyer's new buy box changes who matches.
  const matches = useQuery({ queryKey: ['buyers', 'matches', { leadId }], queryFn: () => listLeadMatches(leadId), enabled: !isOver });
  const items = matches.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="matches-title" data-testid="lead-matches">
      <header className="card-header">
        <div>
          <h2 id="matches-title">Matching buyers</h2>
          <p className="card-subtitle">Buyers whose buy box fits this property.</p>
        </div>
      </header>
      {isOver && (
        <p className="empty" data-testid="matches-closed">
          {status === 'DEAD' ? 'This lead is dead: it is offered to no buyer.' : 'This lead is closed: its deal is done.'}
        </p>
      )}
      {matches.isError && <p className="alert alert-error">{matches.error.message}</p>}
      {!isOver && <ul className="list">
        {items.map(({ buyer, score, reasons }) => (
          <li key={buyer.id} className="match-item" data-testid="match-row">
            <div className="match-line">
              <span className="score" title="Match score out of 100">
                {score}
              </span>
              <div className="list-main">
                <div className="list-title">
                  <Link to={`/buyers/${buyer.id}`}>{buyer.name}</Link>
                  {buyer.company && <span className="muted small"> · {buyer.company}</span>}
                  {buyer.cashBuyer && <span className="pill pill-inline">Cash</span>}
                </div>
                <div className="chips match-reasons">
                  {reasons.map((reason) => (
                    <span key={reason} className="chip">
                      {reason}
                    </span>
                  ))}
                </div>
              </div>
              {offeringTo !== buyer.id && (
                <button type="button" className="button button-secondary button-small" disabled={denied !== undefined} title={denied} onClick={() => setOfferingTo(buyer.id)}>
                  Create offer
                </button>
              )}
            </div>
            {offeringTo === buyer.id && (
              <CreateOfferForm leadId={leadId} buyer={buyer} suggestedAmount={suggestedAmount} onDone={() => setOfferingTo(undefined)} />
            )}
          </li>
        ))}
        {matches.isSuccess && items.length === 0 && <li className="empty">No buyer's buy box fits this lead yet.</li>}
      </ul>}
    </section>
  );
}
