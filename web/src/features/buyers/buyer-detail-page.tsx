import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { BuyerStatus } from '../../../../domain/buyers/buyer.schema';
import { BUYER_STATUSES } from '../../../../domain/buyers/buyer-enums';
import { describeMarkets } from '../../../../domain/buyers/buyer-market';
import { buyerWorkflowId } from '../../../../domain/workflow-ids';
import { DetailPage, EditableCard } from '../../lib/detail-page';
import { fullDate, money, optionLabel } from '../../lib/format';
import { StatusPill } from '../../lib/status-pill';
import { useDeniedReason } from '../auth/use-denied-reason';
import { ArchiveControl, ArchivedNotice } from '../archive/archive-control';
import { HistoryTimeline } from '../history/history-timeline';
import { useRecentView } from '../leads/use-recent-view';
import { DocumentsPanel } from '../documents/documents-panel';
import { DuplicatesPanel } from '../duplicates/duplicates-panel';
import { MergedNotice } from '../duplicates/merged-notice';
import { NotesPanel } from '../notes/notes-panel';
import { CreateOfferForm } from '../offers/lazy-forms';
import { OfferList } from '../offers/offer-list';
import { TaskList } from '../tasks/task-list';
import { SendMatchesButton } from '../email/send-matches-dialog';
import { ScheduleMeeting } from './schedule-meeting';
import { BuyerForm } from './lazy-forms';
import { changeBuyerStatus, getBuyer, listBuyerMatches, type Buyer } from './buyers.api';
import './buyers.css';
import { FrozenRecordLayout } from '../../lib/frozen-record-layout';
import { Fact, type FactLine } from '../../lib/fact';
import { crossedBoundsInWords } from '../../../../domain/buyers/buy-box-bounds';

const orAny = (value: number | null, format: (n: number) => string = String): string => (value == null ? 'Any' : format(value));

function BuyBox({ buyer }: { buyer: Buyer }) {
  const facts: FactLine[] = [
    { label: 'Markets', value: describeMarkets(buyer.markets) || 'Any' },
    { label: 'Property types', value: buyer.propertyTypes.map(optionLabel).join(', ') || 'Any' },
    { label: 'Price', value: `${orAny(buyer.minPrice, money)} – ${orAny(buyer.maxPrice, money)}` },
    { label: 'Max repairs', value: orAny(buyer.maxRepair, money) },
    { label: 'Min beds / baths', value: `${orAny(buyer.minBeds)} / ${orAny(buyer.minBaths)}` },
    { label: 'Cash buyer', value: buyer.cashBuyer ? 'Yes' : 'No' },
    { label: 'Proof of funds', value: orAny(buyer.proofOfFundsAmount, money) },
    { label: 'Proof of funds expires', value: buyer.pofExpiresAt ? fullDate(buyer.pofExpiresAt) : '—' },
    { label: 'Strategies', value: buyer.strategies.map(optionLabel).join(', ') || 'Any' },
    { label: 'Email', value: buyer.email ?? '—', across: true },
    { label: 'Phone', value: buyer.phone ?? '—', across: true },
  ];
  const crossed = crossedBoundsInWords(buyer);
  return (
    <>
      {crossed.length > 0 && (
        <p className="alert alert-error" role="alert">
          This buy box matches no lead: {crossed.join('; ')}. Edit preferences to fix it.
        </p>
      )}
      <dl className="facts">
        {facts.map(({ label, value, across }) => (
          <Fact key={label} label={label} across={across}>
            {value}
          </Fact>
        ))}
      </dl>
    </>
  );
}

function BuyerMatches({ buyer }: { buyer: { id: string; name: string } }) {
  const buyerId = buyer.id;
  const [offeringOn, setOfferingOn] = useState<string>();
  const denied = useDeniedReason()('create', { type: 'offer', kind: 'BUYER', leadOwnerId: null, createdById: null });
  // Under ['leads'] too: new and changed leads change what fits.
  const matches = useQuery({ queryKey: ['leads', 'matches', { buyerId }], queryFn: () => listBuyerMatches(buyerId) });
  const items = matches.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="buyer-matches-title">
      <header className="card-header">
        <h2 id="buyer-matches-title">Matching leads</h2>
        <SendMatchesButton buyerId={buyerId} />
      </header>
      {matches.isError && <p className="alert alert-error">{matches.error.message}</p>}
      <ul className="list">
        {items.map(({ lead, score, reasons }) => (
          <li key={lead.id} className="match-item" data-testid="buyer-match-row">
            <div className="match-line">
              <span className="score">{score}</span>
              <div className="list-main">
                <div className="list-title">
                  <Link to={`/leads/${lead.id}`}>{lead.sellerName}</Link>{' '}
                  <span className="muted small">
                    {lead.street}, {lead.city} · {lead.askingPrice == null ? 'no asking price' : money(lead.askingPrice)}
                  </span>
                </div>
                <div className="chips">
                  {reasons.map((reason) => (
                    <span key={reason} className="chip">
                      {reason}
                    </span>
                  ))}
                </div>
              </div>
              <StatusPill status={lead.status} />
              {offeringOn !== lead.id && (
                <button type="button" className="button button-secondary button-small" disabled={denied !== undefined} title={denied} onClick={() => setOfferingOn(lead.id)}>
                  Create offer
                </button>
              )}
            </div>
            {offeringOn === lead.id && (
              <CreateOfferForm leadId={lead.id} buyer={buyer} suggestedAmount={lead.askingPrice ?? lead.mao} onDone={() => setOfferingOn(undefined)} />
            )}
          </li>
        ))}
        {matches.isSuccess && items.length === 0 && <li className="empty">No open lead fits this buy box.</li>}
      </ul>
    </section>
  );
}

/** One buyer: buy box (editable), standing, matching leads, offers, notes and history. */
export function BuyerDetailPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const buyer = useQuery({ queryKey: ['buyers', 'detail', id], queryFn: () => getBuyer(id) });
  const setStatus = useMutation({
    mutationFn: (status: BuyerStatus) => changeBuyerStatus(id, status),
    onSuccess: (updated) => {
      queryClient.setQueryData(['buyers', 'detail', id], updated);
      void queryClient.invalidateQueries({ queryKey: ['buyers'] });
    },
  });
  useRecentView('buyer', id);
  // The API does not say who owns a buyer, and no role's rights over one depend on it.
  const denied = useDeniedReason();
  const changeDenied = denied('update', { type: 'buyer', ownerId: null });
  const archiveDenied = denied('archive', { type: 'buyer', ownerId: null });

  return (
    <DetailPage
      query={buyer}
      list={{ to: '/buyers', label: 'Buyers', noun: 'buyer' }}
      header={(data) => ({
        title: data.name,
        status: data.status,
        subtitle: data.company,
        badges: data.archivedAt && !data.mergedIntoId && <StatusPill status="ARCHIVED" />,
        actions: (
          <>
            {!data.archivedAt &&
              BUYER_STATUSES.filter((status) => status !== data.status).map((status) => (
          <button
            key={status}
            type="button"
            className="button button-secondary"
            disabled={setStatus.isPending || changeDenied !== undefined}
            title={changeDenied}
            onClick={() => setStatus.mutate(status)}
          >
            Mark {optionLabel(status).toLowerCase()}
          </button>
              ))}
            {/* A merged buyer stays archived: its work is on the survivor. */}
            {!data.mergedIntoId && <ArchiveControl kind="buyer" id={data.id} archived={data.archivedAt !== undefined} denied={archiveDenied} />}
          </>
        ),
        workflowId: buyerWorkflowId(data.id),
      })}
    >
      {(data) => (
        <>
          {setStatus.isError && (
            <p className="alert alert-error" role="alert">
              {setStatus.error.message}
            </p>
          )}
          {data.mergedIntoId ? (
            // A merged buyer's work is on the survivor: only what it was, and its story, stay here.
            <FrozenRecordLayout
              notice={<MergedNotice kind="buyer" mergedIntoId={data.mergedIntoId} />}
              title="Buy box"
              titleId="buy-box-title"
              facts={<BuyBox buyer={data} />}
              aside={<HistoryTimeline entityType="buyer" id={data.id} />}
            />
          ) : data.archivedAt ? (
            // An archived buyer's automation is stopped and it cannot be changed: its buy box, its tasks (the automatic ones cancelled) and its story.
            <FrozenRecordLayout
              notice={<ArchivedNotice kind="buyer" archivedAt={data.archivedAt} />}
              title="Buy box"
              titleId="buy-box-title"
              facts={<BuyBox buyer={data} />}
              aside={
                <>
                  <TaskList subject={{ buyerId: data.id }} />
                  <HistoryTimeline entityType="buyer" id={data.id} />
                </>
              }
            />
          ) : (
            <div className="detail-grid">
              <div className="stack">
                <DuplicatesPanel kind="buyer" id={data.id} denied={changeDenied} />
                <EditableCard
                  id="buy-box-title"
                  title="Buy box"
                  editLabel="Edit preferences"
                  denied={changeDenied}
                  facts={<BuyBox buyer={data} />}
                  form={(close) => (
                    <BuyerForm
                      buyer={data}
                      onDone={(saved) => {
                        queryClient.setQueryData(['buyers', 'detail', id], saved);
                        close();
                      }}
                      onCancel={close}
                    />
                  )}
                />
                <BuyerMatches buyer={data} />
                <OfferList buyerId={data.id} />
              </div>
              <div className="stack">
                <TaskList subject={{ buyerId: data.id }} actions={<ScheduleMeeting buyer={data} />} />
                <NotesPanel subject={{ buyerId: data.id }} />
                <DocumentsPanel subject={{ buyerId: data.id }} />
                <HistoryTimeline entityType="buyer" id={data.id} />
              </div>
            </div>
          )}
        </>
      )}
    </DetailPage>
  );
}
