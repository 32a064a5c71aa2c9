import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate } from 'react-router';
import type { EmailMessage } from '../../../../domain/email/email-message.schema';
import { fullDate, timeAgo } from '../../lib/format';
import { ListTable, TableMessage } from '../../lib/list-table';
import { StatusPill } from '../../lib/status-pill';
import { useMe } from '../auth/use-me';
import { getOutboxMessage, listOutbox, OUTBOX_KEY, outboxHtmlUrl } from './email.api';
import './email.css';

/** Where a message went: the SMTP server, or the .eml file an admin reads here. */
function deliveryOf(message: EmailMessage): string {
  if (message.status === 'SENT') return message.transport === 'smtp' ? 'sent by SMTP' : `written to outbox/${message.outboxFile ?? ''}`;
  if (message.status === 'FAILED') return `failed after ${message.attempts} attempts`;
  return message.attempts > 0 ? `retrying (${message.attempts} attempts)` : 'waiting to send';
}

function MessageDetail({ id }: { id: string }) {
  const detail = useQuery({ queryKey: [...OUTBOX_KEY, id], queryFn: () => getOutboxMessage(id) });
  if (detail.isPending) return <p className="muted outbox-detail">Loading the message…</p>;
  if (detail.isError) return <p className="alert alert-error">{detail.error.message}</p>;
  const message = detail.data;
  return (
    <div className="outbox-detail">
      <dl className="outbox-headers">
        <dt>To</dt>
        <dd>{message.to}</dd>
        <dt>Reply-To</dt>
        <dd>{message.replyTo ?? '—'}</dd>
        <dt>Subject</dt>
        <dd>{message.subject}</dd>
        <dt>Queued</dt>
        <dd>{fullDate(message.createdAt)}</dd>
        <dt>Delivery</dt>
        <dd>
          {deliveryOf(message)}
          {message.sentAt && `, ${fullDate(message.sentAt)}`}
        </dd>
        {message.lastError && (
          <>
            <dt>Last error</dt>
            <dd className="outbox-error">{message.lastError}</dd>
          </>
        )}
      </dl>
      <h3>HTML part</h3>
      <iframe className="outbox-frame" title={`HTML part of “${message.subject}”`} src={outboxHtmlUrl(message.id)} sandbox="" />
      <h3>Plain-text part</h3>
      <pre className="outbox-text">{message.text}</pre>
      {message.eml && (
        <details>
          <summary>The .eml file as written</summary>
          <pre className="outbox-eml">{message.eml}</pre>
        </details>
      )}
    </div>
  );
}

/** `/outbox` (admins): every e-mail the app sent or tried to, newest first; without SMTP_URL, what would have been sent. */
export function OutboxPage() {
  const me = useMe().data;
  const [openId, setOpenId] = useState<string>();
  // No live event for a send's outcome: the list looks again every 5 s while open.
  const outbox = useQuery({ queryKey: OUTBOX_KEY, queryFn: listOutbox, refetchInterval: 5_000, enabled: me?.role === 'ADMIN' });
  if (me && me.role !== 'ADMIN') return <Navigate to="/" replace />;
  const items = outbox.data?.items ?? [];
  return (
    <div className="page outbox-page">
      <header className="page-header">
        <p className="page-eyebrow">E-mail</p>
        <h1>Outbox</h1>
        <p className="muted">Every e-mail the app sends. Without an SMTP server (SMTP_URL) each is written as an .eml file under DATA_DIR/outbox and read here.</p>
      </header>
      {outbox.isError && <p className="alert alert-error">{outbox.error.message}</p>}
      <section className="card" aria-label="Outgoing e-mail">
        <ListTable className="outbox-table" aria-label="Outbox">
          <thead>
            <tr>
              <th scope="col">Queued</th>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Status</th>
              <th scope="col">Delivery</th>
            </tr>
          </thead>
          <tbody>
            {outbox.isPending && <TableMessage columns={5}>Loading…</TableMessage>}
            {outbox.isSuccess && items.length === 0 && <TableMessage columns={5}>Nothing sent yet. “Send matching properties” on a buyer sends the first one.</TableMessage>}
            {items.map((message) => (
              <tr key={message.id} data-testid="outbox-row">
                <td data-label="Queued" title={fullDate(message.createdAt)}>
                  {timeAgo(message.createdAt)}
                </td>
                <td data-label="To">{message.to}</td>
                {/* The subject opens the message; on a phone it heads the card. */}
                <td className="cell-title">
                  <button type="button" className="outbox-row-button" aria-expanded={openId === message.id} onClick={() => setOpenId(openId === message.id ? undefined : message.id)}>
                    {message.subject}
                  </button>
                </td>
                <td data-label="Status">
                  <StatusPill status={message.status} />
                </td>
                <td data-label="Delivery">
                  {deliveryOf(message)}
                  {message.lastError && <div className="outbox-error">{message.lastError}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </ListTable>
      </section>
      {openId && (
        <section className="card" aria-label="The message">
          <MessageDetail id={openId} />
        </section>
      )}
    </div>
  );
}
