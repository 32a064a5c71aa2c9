import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState, type DragEvent, type RefObject } from 'react';
import { useEscape } from '../../lib/use-escape';
import { Link } from 'react-router';
import { type DeadReason, type Lead, type LeadStatus } from '../../../../domain/leads/lead.schema';
import { DEAD_REASONS } from '../../../../domain/leads/lead-statuses';
import type { Page } from '../../../../domain/pagination';
import { checkLeadTransition, OPEN_LEAD_STATUSES } from '../../../../domain/leads/lead-status';
import { Options } from '../../lib/field';
import { money, optionLabel } from '../../lib/format';
import { StatusPill } from '../../lib/status-pill';
import { changeLeadStatus, listLeads } from './leads.api';
import './leads.css';

// The board asks only for these fields of each lead (`fields=`).
type Card = Pick<Lead, 'id' | 'sellerName' | 'street' | 'city' | 'askingPrice' | 'status'>;

const COLUMNS: LeadStatus[] = [...OPEN_LEAD_STATUSES, 'CLOSED', 'DEAD'];
const BOARD_KEY = ['leads', 'board'] as const;
const BOARD_QUERY = new URLSearchParams({ limit: '200', sort: '-createdAt', fields: 'id,sellerName,street,city,askingPrice,status' });

interface Move {
  card: Card;
  to: LeadStatus;
  reason?: DeadReason;
}

const movesFrom = (card: Card): LeadStatus[] => COLUMNS.filter((status) => status !== card.status && checkLeadTransition(card.status, status, DEAD_REASONS[0]).ok);

/** Gives `element` the focus once `card` is drawn in the column it was moved to with the keyboard (call from a ref callback). */
function focusOnArrival(element: HTMLElement | null, card: Card, refocusRef: RefObject<Move | undefined>): void {
  // Only once the card is drawn in its new column (a render before the move keeps the old one).
  const waiting = refocusRef.current;
  if (element && waiting?.card.id === card.id && waiting.to === card.status) {
    refocusRef.current = undefined;
    element.focus();
  }
}

/** A card's seller, linked to the lead; a card moved where it has no further moves (Closed) has no menu, so its name takes the focus. */
function CardName({ card, refocusRef }: { card: Card; refocusRef: RefObject<Move | undefined> }) {
  return (
    <Link
      ref={(element) => {
        if (movesFrom(card).length === 0) focusOnArrival(element, card, refocusRef);
      }}
      to={`/leads/${card.id}`}
      className="row-link"
      draggable={false}
    >
      {card.sellerName}
    </Link>
  );
}

/** A card's "Move to" choice for touch screens and keyboards, which cannot drag a card: only the moves the pipeline allows. */
function MoveSelect({ card, onMove, refocusRef }: { card: Card; onMove: (to: LeadStatus) => void; refocusRef: RefObject<Move | undefined> }) {
  const targets = movesFrom(card);
  if (targets.length === 0) return null;
  return (
    <select
      ref={(element) => focusOnArrival(element, card, refocusRef)}
      data-card-id={card.id}
      className="board-move"
      aria-label={`Move ${card.sellerName} to`}
      value=""
      onChange={(event) => {
        if (!event.target.value) return;
        const to = event.target.value as LeadStatus;
        refocusRef.current = { card, to };
        onMove(to);
      }}
    >
      <option value="">Move to…</option>
      <Options values={targets} label={optionLabel} />
    </select>
  );
}

/** The pipeline as columns; dragging a card moves the lead at once and undoes it if the server refuses. */
export function PipelineBoard() {
  const queryClient = useQueryClient();
  const board = useQuery({ queryKey: BOARD_KEY, queryFn: () => listLeads(BOARD_QUERY) as unknown as Promise<Page<Card>> });
  const [dragging, setDragging] = useState<Card>();
  const [over, setOver] = useState<LeadStatus>();
  const [awaitingReason, setAwaitingReason] = useState<Move>();
  const [problem, setProblem] = useState<string>();
  // A card moved with its "Move to…" menu is drawn anew in its new column: its menu there takes the
  // focus back, so a keyboard user carries on from the card they moved instead of the page's top.
  const refocusRef = useRef<Move | undefined>(undefined);
  // Cancelling the dead-reason question puts the focus back on the card's menu, where the keyboard user was.
  const cancelReason = useCallback(() => {
    refocusRef.current = undefined;
    if (awaitingReason) document.querySelector<HTMLSelectElement>(`select.board-move[data-card-id="${CSS.escape(awaitingReason.card.id)}"]`)?.focus();
    setAwaitingReason(undefined);
  }, [awaitingReason]);
  useEscape(awaitingReason !== undefined, cancelReason);

  const move = useMutation({
    mutationKey: BOARD_KEY,
    mutationFn: ({ card, to, reason }: Move) => changeLeadStatus(card.id, to, reason),
    onMutate: async ({ card, to }) => {
      setProblem(undefined);
      await queryClient.cancelQueries({ queryKey: BOARD_KEY });
      const before = queryClient.getQueryData<Page<Card>>(BOARD_KEY);
      queryClient.setQueryData<Page<Card>>(BOARD_KEY, (page) => page && { ...page, items: page.items.map((item) => (item.id === card.id ? { ...item, status: to } : item)) });
      return { before };
    },
    onError: (error, { card }, context) => {
      if (context?.before) queryClient.setQueryData(BOARD_KEY, context.before);
      setProblem(`${card.sellerName}: ${error.message}`);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['leads'] }),
  });

  const moveCard = (card: Card, to: LeadStatus) => {
    if (card.status === to) return;
    // The shared rule answers first; only moves it allows go to the server.
    const check = checkLeadTransition(card.status, to, to === 'DEAD' ? DEAD_REASONS[0] : undefined);
    if (!check.ok) {
      setProblem(`${card.sellerName}: ${check.reason}`);
      return;
    }
    if (to === 'DEAD') setAwaitingReason({ card, to });
    else move.mutate({ card, to });
  };

  const drop = (to: LeadStatus) => {
    const card = dragging;
    setDragging(undefined);
    setOver(undefined);
    if (card) moveCard(card, to);
  };

  const onDragOver = (event: DragEvent, to: LeadStatus) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (over !== to) setOver(to);
  };

  const cards = board.data?.items ?? [];
  return (
    <div className="page">
      <header className="page-header page-header-row">
        <div>
          <p className="page-eyebrow">
            <Link to="/leads">Leads</Link>
          </p>
          <h1>Pipeline</h1>
          <p className="page-subtitle">
            <span className="board-hint-drag">Drag a card or use its "Move to…" menu; only the moves the pipeline allows are taken.</span>
            <span className="board-hint-touch">Swipe sideways through the columns; "Move to" on a card moves the lead.</span>
          </p>
        </div>
      </header>
      {problem && (
        <p className="alert alert-error" role="alert">
          <span>{problem}</span>
          <button type="button" className="button button-secondary button-small" onClick={() => setProblem(undefined)}>
            Dismiss
          </button>
        </p>
      )}
      {awaitingReason && (
        <div className="card dead-reason" role="dialog" aria-label="Why is this lead dead?">
          <div className="field">
            <label className="field-label" htmlFor="board-dead-reason">
              Why is {awaitingReason.card.sellerName} dead?
            </label>
            <select
              id="board-dead-reason"
              // The question opens above the board: take the user there.
              autoFocus
              value={awaitingReason.reason ?? ''}
              onChange={(event) => setAwaitingReason({ ...awaitingReason, reason: (event.target.value || undefined) as DeadReason | undefined })}
            >
              <option value="">Pick a reason…</option>
              <Options values={DEAD_REASONS} label={optionLabel} />
            </select>
          </div>
          <button
            type="button"
            className="button button-danger button-small"
            disabled={!awaitingReason.reason}
            onClick={() => {
              move.mutate(awaitingReason);
              setAwaitingReason(undefined);
            }}
          >
            Mark dead
          </button>
          <button type="button" className="button button-secondary button-small" onClick={cancelReason}>
            Cancel
          </button>
        </div>
      )}
      {board.isError && <p className="alert alert-error">{board.error.message}</p>}
      <div className="board">
        {COLUMNS.map((status) => {
          const column = cards.filter((card) => card.status === status);
          const allowed = dragging ? dragging.status === status || checkLeadTransition(dragging.status, status, DEAD_REASONS[0]).ok : undefined;
          return (
            <section
              key={status}
              className="board-column"
              data-testid={`column-${status}`}
              data-over={over === status && allowed !== false}
              data-allowed={allowed}
              aria-label={optionLabel(status)}
              onDragOver={(event) => onDragOver(event, status)}
              onDragLeave={() => setOver((current) => (current === status ? undefined : current))}
              onDrop={(event) => {
                event.preventDefault();
                drop(status);
              }}
            >
              <header className="board-column-head">
                <StatusPill status={status} />
                <span className="muted small">{column.length}</span>
              </header>
              <ul className="board-cards">
                {column.map((card) => (
                  <li
                    key={card.id}
                    className="board-card"
                    draggable
                    data-testid="board-card"
                    data-moving={move.isPending && move.variables.card.id === card.id}
                    onDragStart={(event) => {
                      event.dataTransfer.setData('text/plain', card.id);
                      event.dataTransfer.effectAllowed = 'move';
                      setDragging(card);
                    }}
                    onDragEnd={() => {
                      setDragging(undefined);
                      setOver(undefined);
                    }}
                  >
                    <CardName card={card} refocusRef={refocusRef} />
                    <div className="muted small">
                      {card.street}, {card.city}
                    </div>
                    {card.askingPrice != null && <div className="small">{money(card.askingPrice)}</div>}
                    <MoveSelect card={card} onMove={(to) => moveCard(card, to)} refocusRef={refocusRef} />
                  </li>
                ))}
                {board.isSuccess && column.length === 0 && <li className="muted small board-empty">No leads</li>}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}
