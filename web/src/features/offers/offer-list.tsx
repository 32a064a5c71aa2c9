import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { checkBuyerAcceptance } from '../../../../domain/offers/buyer-acceptance';
import type { LeadStatus } from '../../../../domain/leads/lead-statuses';
import type { OfferStatus } from '../../../../domain/offers/offer.schema';
import { checkOfferMove, CLOSED_DEAL_OFFERS_FINAL, OFFER_TRANSITIONS } from '../../../../domain/offers/offer-transitions';
import { offerWorkflowId } from '../../../../domain/workflow-ids';
import { fullDate, money, optionLabel, timeAgo } from '../../lib/format';
import { StatusPill } from '../../lib/status-pill';
import { useWorkflowLink } from '../../lib/use-workflow-link';
import { useDeniedReason } from '../auth/use-denied-reason';
import { DocumentsPanel } from '../documents/documents-panel';
import { CreateOfferForm } from './lazy-forms';
import { OFFER_MOVE_LABELS } from '../../../../domain/labels/offer-labels';
import type { OfferListItem } from '../../../../domain/offers/offer.schema';
import { changeOfferStatus, listOffers, type Offer } from './offers.api';

// Offers expire by themselves; a person never picks EXPIRED. An accepted buyer's offer is withdrawn when its buyer backs out.
const movesFrom = ({ kind, status }: OfferListItem): OfferStatus[] => OFFER_TRANSITIONS[status].filter((to) => checkOfferMove(kind, status, to).ok);
const moveLabel = (from: OfferStatus, to: OfferStatus): string => (from === 'ACCEPTED' && to === 'WITHDRAWN' ? 'Buyer backed out' : OFFER_MOVE_LABELS[to]);

/** Why a buyer's offer cannot be accepted on this lead now (the server's own rule), or undefined: known only on the lead's page. */
function buyerAcceptanceRefusal(offer: OfferListItem, leadStatus: LeadStatus | undefined, offers: readonly OfferListItem[]): string | undefined {
  if (offer.kind !== 'BUYER' || leadStatus === undefined) return undefined;
  const accepted = offers.find((other) => other.id !== offer.id && other.kind === 'BUYER' && other.status === 'ACCEPTED');
  const check = checkBuyerAcceptance({ leadStatus, leadArchived: false, acceptedOffer: accepted ? { amount: accepted.amount, buyerName: accepted.buyerName ?? null } : null });
  return check.ok ? undefined : check.reason;
}

function OfferRow({ offer, linkTo, leadOwnerId, acceptRefusal, leadClosed }: { offer: OfferListItem; linkTo?: string; leadOwnerId: string | null; acceptRefusal?: string; leadClosed: boolean }) {
  const queryClient = useQueryClient();
  const workflowLink = useWorkflowLink()(offerWorkflowId(offer.id));
  const denied = useDeniedReason()('update', { type: 'offer', kind: offer.kind, leadOwnerId, createdById: offer.createdById });
  const [showDocuments, setShowDocuments] = useState(false);
  const move = useMutation({
    mutationFn: (status: OfferStatus) => changeOfferStatus(offer.id, status),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['offers'] }),
  });
  return (
    <li data-testid="offer-row" className="offer-row">
      <div className="list-main">
        <div className="list-title">
          {money(offer.amount)}{' '}
          <span className="muted small">
            {optionLabel(offer.kind)} offer{offer.buyerName ? ` to ${offer.buyerName}` : ''}
          </span>
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
        {movesFrom(offer).map((to) => {
          const refusal = denied ?? (to === 'ACCEPTED' ? acceptRefusal : offer.status === 'ACCEPTED' && leadClosed ? CLOSED_DEAL_OFFERS_FINAL : undefined);
          return (
            <button key={to} type="button" className="button button-secondary button-small" disabled={move.isPending || refusal !== undefined} title={refusal} onClick={() => move.mutate(to)}>
              {moveLabel(offer.status, to)}
            </button>
          );
        })}
        <button type="button" className="button button-secondary button-small" aria-expanded={showDocuments} onClick={() => setShowDocuments((shown) => !shown)}>
          Documents
        </button>
      </div>
      {showDocuments && (
        <div className="offer-documents">
          <DocumentsPanel subject={{ offerId: offer.id }} title="Offer documents" />
        </div>
      )}
    </li>
  );
}

interface OfferListProps {
  leadId?: string;
  /** The lead's owner, whose purchase offers they are (unknown on a buyer's page, where the offers are buyers'). */
  leadOwnerId?: string | null;
  buyerId?: string;
  suggestedAmount?: number | null;
  /** A DEAD or CLOSED lead takes no new offer: its "Create offer" is not shown. */
  leadOver?: boolean;
  /** The lead's status, on its page: a buyer's offer is accepted only under contract, one per lead (the button says why not). */
  leadStatus?: LeadStatus;
}

/** Offers on a lead (with a "Create offer" form) or to a buyer; what the user may not do is disabled with the reason. */
export function OfferList({ leadId, leadOwnerId = null, buyerId, suggestedAmount, leadOver = false, leadStatus }: OfferListProps) {
  const [creating, setCreating] = useState(false);
  const denied = useDeniedReason();
  const offerOfKind = (kind: Offer['kind']) => denied('create', { type: 'offer', kind, leadOwnerId, createdById: null });
  // The form starts on the kind this user may make; the button is off only when they may make neither.
  const kind = offerOfKind('PURCHASE') === undefined ? 'PURCHASE' : 'BUYER';
  const createDenied = offerOfKind(kind);
  const by = leadId ? { leadId } : { buyerId };
  const offers = useQuery({ queryKey: ['offers', by], queryFn: () => listOffers(by) });
  const items = offers.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="offers-title" data-testid="offers">
      <header className="card-header">
        <h2 id="offers-title">Offers</h2>
        {leadId && !leadOver && !creating && (
          <button type="button" className="button button-secondary button-small" disabled={createDenied !== undefined} title={createDenied} onClick={() => setCreating(true)}>
            Create offer
          </button>
        )}
      </header>
      {leadId && creating && <CreateOfferForm leadId={leadId} initialKind={kind} suggestedAmount={suggestedAmount} onDone={() => setCreating(false)} />}
      {offers.isError && <p className="alert alert-error">{offers.error.message}</p>}
      <ul className="list">
        {items.map((offer) => (
          <OfferRow key={offer.id} offer={offer} leadOwnerId={leadOwnerId} linkTo={buyerId ? `/leads/${offer.leadId}` : undefined} acceptRefusal={buyerAcceptanceRefusal(offer, leadStatus, items)} leadClosed={leadStatus === 'CLOSED'} />
        ))}
        {offers.isSuccess && items.length === 0 && <li className="empty">No offers yet.</li>}
      </ul>
    </section>
  );
}
