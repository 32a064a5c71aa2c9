import { FavoriteButton } from '../features/shell/favorite-button';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { StatusPill } from './status-pill';
import { useWorkflowLink } from './use-workflow-link';

export interface DetailHeader {
  /** After the list's link in the eyebrow: "Leads / Dayton". */
  crumb?: ReactNode;
  title: ReactNode;
  status: string;
  /** Shown after the status pill: priority, "Overdue", a dead lead's reason. */
  badges?: ReactNode;
  subtitle?: ReactNode;
  /** Buttons before the "Workflow ↗" link. */
  actions?: ReactNode;
  /** The record's lifecycle workflow, linked in the Temporal Web UI. */
  workflowId: string;
}

interface DetailPageProps<T> {
  query: UseQueryResult<T>;
  /** The list the record belongs to: its path, its name ("Leads") and one record's noun ("lead"). */
  list: { to: string; label: string; noun: string };
  header: (data: T) => DetailHeader;
  /** What follows the header, once the record has loaded. */
  children: (data: T) => ReactNode;
}

const isFavoritable = (noun: string): noun is 'lead' | 'buyer' | 'task' => noun === 'lead' || noun === 'buyer' || noun === 'task';

/** The frame of a lead, buyer or task page (with its favorite star): loading, the error with a way back, and the header. */
export function DetailPage<T>({ query, list, header, children }: DetailPageProps<T>) {
  const workflowLink = useWorkflowLink();
  if (query.isPending) return <p className="muted">Loading {list.noun}…</p>;
  if (query.isError)
    return (
      <p className="alert alert-error" role="alert">
        {query.error.message} <Link to={list.to}>Back to {list.label.toLowerCase()}</Link>
      </p>
    );
  const { crumb, title, status, badges, subtitle, actions, workflowId } = header(query.data);
  const temporal = workflowLink(workflowId);

  return (
    <div className="page">
      <header className="page-header page-header-row">
        <div>
          <p className="page-eyebrow">
            <Link to={list.to}>{list.label}</Link>
            {crumb != null && <> / {crumb}</>}
          </p>
          <div className="detail-title">
            <h1>{title}</h1>
            {isFavoritable(list.noun) && typeof (query.data as { id?: unknown }).id === 'string' && (
              <FavoriteButton entityType={list.noun} entityId={(query.data as { id: string }).id} />
            )}
            <StatusPill status={status} />
            {badges}
          </div>
          {subtitle && <p className="page-subtitle">{subtitle}</p>}
        </div>
        <div className="header-actions">
          {actions}
          {temporal && (
            <a className="button button-secondary" href={temporal} target="_blank" rel="noreferrer">
              Workflow ↗
            </a>
          )}
        </div>
      </header>
      {children(query.data)}
    </div>
  );
}

interface EditableCardProps {
  /** The id of the card's heading, which names the card. */
  id: string;
  title: string;
  editLabel: string;
  /** What the card shows until "Edit" is pressed. */
  facts: ReactNode;
  /** The edit form; it calls `close` when saved or cancelled. */
  form: (close: () => void) => ReactNode;
  /** Shown under the facts or the form. */
  children?: ReactNode;
  /** Why this user may not edit the record: the button is disabled with it as its title. */
  denied?: string;
}

/** A detail page's card of a record's facts that turns into their edit form. */
export function EditableCard({ id, title, editLabel, facts, form, children, denied }: EditableCardProps) {
  const [editing, setEditing] = useState(false);
  return (
    <section className="card" aria-labelledby={id}>
      <header className="card-header">
        <h2 id={id}>{title}</h2>
        {!editing && (
          <button type="button" className="button button-secondary button-small" disabled={denied !== undefined} title={denied} onClick={() => setEditing(true)}>
            {editLabel}
          </button>
        )}
      </header>
      {editing ? form(() => setEditing(false)) : <div className="card-body">{facts}</div>}
      {children}
    </section>
  );
}
