import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { checkOfferTransition, OFFER_TRANSITIONS, type OfferStatus } from '../../../../domain/offers/offer.schema';
import { offerWorkflowId } from '../../../../domain/workflow-ids';
import { fullDate, humanize, money, timeAgo } from '../../lib/format';
import { StatusPill } from '../../lib/status-pill';
import { useWorkflowLink } from '../../lib/use-workflow-link';
import { CreateOfferForm } from './create-offer-form';
import { changeOfferStatus, listOffers, type Offer } from './offers.api';

// Offers expire by themselves; a person never picks EXPIRED.
const movesFrom = (status: OfferStatus): OfferStatus[] => OFFER_TRANSITIONS[status].filter((to) => checkOfferTransition(status, to).ok);

function OfferRow({ offer, linkTo }: { offer: Offer; linkTo?: string }) {
  const queryClient = useQueryClient();
  const workflowLink = useWorkflowLink()(offerWorkflowId(offer.id));
  const move = useMutation({
    mutationFn: (status: OfferStatus) => changeOfferStatus(offer.id, status),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['offers'] }),
  });
  return (
    <li data-testid="offer-row">
      <div className="list-main">
        <div className="list-title">
          {money(offer.amount)} <span className="muted small">{humanize(offer.kind)} offer</span>
          {linkTo && (
            <>
              {' '}
              · <Link to={linkTo}>lead</Link>
            </>
          )}
        </div>
        <div className="list-meta">
          <span title={fullDate(offer.createdAt)}>created {timeAgo(offer.createdAt)}</span>
          {offer.expiresAt && <> · expires {fullDate(offer.expiresAt)}</>}
          {workflowLink && (
            <>
              {' '}
              ·{' '}
              <a href={workflowLink} target="_blank" rel="noreferrer">
                workflow ↗
              </a>
            </>
          )}
        </div>
        {move.isError && (
          <p className="field-error" role="alert">
            {move.error.message}
          </p>
        )}
      </div>
      <div className="header-actions">
        <StatusPill status={offer.status} />
        {movesFrom(offer.status).map((to) => (
          <button key={to} type="button" className="button button-secondary button-small" disabled={move.isPending} onClick={() => move.mutate(to)}>
            {humanize(to)}
          </button>
        ))}
      </div>
    </li>
  );
}

/** Offers on a lead (with a "Create offer" form) or to a buyer. */
export function OfferList({ leadId, buyerId, suggestedAmount }: { leadId?: string; buyerId?: string; suggestedAmount?: number | null }) {
  const [creating, setCreating] = useState(false);
  const by = leadId ? { leadId } : { buyerId };
  const offers = useQuery({ queryKey: ['offers', by], queryFn: () => listOffers(by) });
  const items = offers.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="offers-title" data-testid="offers">
      <header className="card-header">
        <h2 id="offers-title">Offers</h2>
        {leadId && !creating && (
          <button type="button" className="button button-secondary button-small" onClick={() => setCreating(true)}>
            Create offer
          </button>
        )}
      </header>
      {leadId && creating && <CreateOfferForm leadId={leadId} suggestedAmount={suggestedAmount} onDone={() => setCreating(false)} />}
      {offers.isError && <p className="alert alert-error">{offers.error.message}</p>}
      <ul className="list">
        {items.map((offer) => (
          <OfferRow key={offer.id} offer={offer} linkTo={buyerId ? `/leads/${offer.leadId}` : undefined} />
        ))}
        {offers.isSuccess && items.length === 0 && <li className="empty">No offers yet.</li>}
      </ul>
    </section>
  );
}
