import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { DEFAULT_MATCHES_PER_EMAIL, describeRooms, MAX_LEADS_PER_EMAIL } from '../../../../domain/email/matches-email';
import { money } from '../../lib/format';
import { useDeniedReason } from '../auth/use-denied-reason';
import { getBuyer, listBuyerMatches } from '../buyers/buyers.api';
import { sendMatches } from './email.api';
import './email.css';

/**
 * "Send matching properties": a button that opens a dialog listing the buyer's matching leads, the
 * top ones ticked, and e-mails the ticked ones. From the weekly task (`taskId`), sending completes it.
 */
export function SendMatchesButton({ buyerId, taskId, onSent }: { buyerId: string; taskId?: string; onSent?: () => void }) {
  const [open, setOpen] = useState(false);
  const [sentTo, setSentTo] = useState<string>();
  // The buyer's page has just read the buyer: mounting with it must not ask again (a change still
  // refetches it, through the live events' invalidation).
  const buyer = useQuery({ queryKey: ['buyers', 'detail', buyerId], queryFn: () => getBuyer(buyerId), staleTime: 30_000 });
  const denied = useDeniedReason()('update', { type: 'buyer', ownerId: null });
  const email = buyer.data?.email;
  const blocked = denied ?? (buyer.data && !email ? 'Add the buyer’s e-mail address to send them properties' : undefined) ?? (buyer.data?.emailOptOutAt ? 'The buyer unsubscribed from e-mail' : undefined);
  return (
    <>
      <button type="button" className="button button-secondary button-small" disabled={!buyer.data || blocked !== undefined} title={blocked} onClick={() => setOpen(true)}>
        Send matching properties
      </button>
      {sentTo && (
        <span className="muted small" role="status">
          E-mail to {sentTo} queued: it goes out in the background.
        </span>
      )}
      {open && email && (
        <SendMatchesDialog
          buyerId={buyerId}
          buyerName={buyer.data?.name ?? ''}
          email={email}
          taskId={taskId}
          onClose={() => setOpen(false)}
          onSent={() => {
            setOpen(false);
            setSentTo(email);
            onSent?.();
          }}
        />
      )}
    </>
  );
}

function SendMatchesDialog(props: { buyerId: string; buyerName: string; email: string; taskId?: string | undefined; onClose: () => void; onSent: () => void }) {
  const { buyerId } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const queryClient = useQueryClient();
  const matches = useQuery({ queryKey: ['leads', 'matches', { buyerId }], queryFn: () => listBuyerMatches(buyerId) });
  const items = matches.data?.items ?? [];
  // Until the user ticks or unticks one, the top matches are chosen.
  const [picked, setPicked] = useState<string[]>();
  const chosen = picked ?? items.slice(0, DEFAULT_MATCHES_PER_EMAIL).map((item) => item.lead.id);
  const send = useMutation({
    mutationFn: () => sendMatches(buyerId, { leadIds: chosen, ...(props.taskId ? { taskId: props.taskId } : {}) }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void queryClient.invalidateQueries({ queryKey: ['notes'] });
      props.onSent();
    },
  });

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const toggle = (leadId: string) => setPicked(chosen.includes(leadId) ? chosen.filter((id) => id !== leadId) : [...chosen, leadId]);
  return (
    <dialog ref={dialog} className="dialog send-matches-dialog" aria-labelledby="send-matches-title" onCancel={props.onClose}>
      <form
        className="dialog-body"
        onSubmit={(event) => {
          event.preventDefault();
          send.mutate();
        }}
      >
        <h2 id="send-matches-title">Send matching properties</h2>
        <p>
          To <strong>{props.buyerName}</strong> &lt;{props.email}&gt;, replies come to you. Pick up to {MAX_LEADS_PER_EMAIL}.
        </p>
        {matches.isPending && <p className="muted">Finding matching leads…</p>}
        {matches.isError && <p className="alert alert-error">{matches.error.message}</p>}
        {matches.isSuccess && items.length === 0 && <p className="empty">No open lead fits this buy box: there is nothing to send.</p>}
        <ul className="send-matches-list">
          {items.map(({ lead, score }) => (
            <li key={lead.id}>
              <label>
                <input type="checkbox" checked={chosen.includes(lead.id)} disabled={!chosen.includes(lead.id) && chosen.length >= MAX_LEADS_PER_EMAIL} onChange={() => toggle(lead.id)} />
                <span>
                  <strong>{lead.street}</strong>, {lead.city}
                  <span className="muted small">
                    {' '}
                    · {[describeRooms(lead), lead.askingPrice != null ? money(lead.askingPrice) : lead.mao != null ? `MAO ${money(lead.mao)}` : ''].filter(Boolean).join(' · ')} · score {score}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        <div className="form-actions-row">
          <button className="button button-primary button-small" type="submit" disabled={send.isPending || chosen.length === 0}>
            {send.isPending ? 'Sending…' : `E-mail ${chosen.length} ${chosen.length === 1 ? 'property' : 'properties'}`}
          </button>
          <button className="button button-secondary button-small" type="button" onClick={props.onClose}>
            Cancel
          </button>
          {send.isError && (
            <span className="alert alert-error" role="alert">
              {send.error.message}
            </span>
          )}
        </div>
      </form>
    </dialog>
  );
}
