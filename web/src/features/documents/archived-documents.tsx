import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { fullDate, optionLabel, timeSince } from '../../lib/format';
import { useMe } from '../auth/use-me';
import { listArchivedDocuments, purgeDocument, type DocumentItem, type DocumentSubject } from './documents.api';
import { fileSize } from './file-size';

/** Asks before a document goes for good; a native modal dialog keeps the focus inside. */
function PurgeDialog({ doc, onClose }: { doc: DocumentItem; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const queryClient = useQueryClient();
  const purge = useMutation({
    mutationFn: () => purgeDocument(doc.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['documents'] });
      onClose();
    },
  });
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog ref={dialog} className="document-purge-dialog" aria-labelledby={`${ids}-title`} onCancel={onClose}>
      <form
        noValidate
        className="dialog-body"
        onSubmit={(event) => {
          event.preventDefault();
          purge.mutate();
        }}
      >
        <h2 id={`${ids}-title`}>Purge “{doc.fileName}”?</h2>
        <p>The document and its file are deleted for good: nobody can download it again, and it cannot be restored. Reminder tasks about it keep their text.</p>
        <div className="form-actions-row">
          <button className="button button-danger button-small" type="submit" disabled={purge.isPending}>
            {purge.isPending ? 'Purging…' : 'Purge for good'}
          </button>
          <button className="button button-secondary button-small" type="button" onClick={onClose}>
            Cancel
          </button>
          {purge.isError && (
            <span className="alert alert-error" role="alert">
              {purge.error.message}
            </span>
          )}
        </div>
      </form>
    </dialog>
  );
}

/**
 * For admins, under a record's documents: "Show archived (N)" lists its archived documents, each
 * with Purge behind a confirmation. Nothing for others, who cannot see archived documents.
 */
export function ArchivedDocuments({ subject }: { subject: DocumentSubject }) {
  const isAdmin = useMe().data?.role === 'ADMIN';
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [purging, setPurging] = useState<DocumentItem>();
  const archived = useQuery({ queryKey: ['documents', subject, 'archived'], queryFn: () => listArchivedDocuments(subject), enabled: isAdmin });
  const items = archived.data?.items ?? [];
  if (!isAdmin || items.length === 0) return null;
  return (
    <div className="document-archived" data-testid="archived-documents">
      <button type="button" className="button button-secondary button-small" aria-expanded={open} aria-controls={`${ids}-list`} onClick={() => setOpen((shown) => !shown)}>
        {open ? `Hide archived (${items.length})` : `Show archived (${items.length})`}
      </button>
      {open && (
        <ul className="list" id={`${ids}-list`} aria-label="Archived documents">
          {items.map((doc) => (
            <li key={doc.id} className="document-row document-row-archived" data-testid="archived-document-row">
              <div className="list-main">
                <div className="list-title document-name">{doc.fileName}</div>
                <div className="list-meta">
                  {optionLabel(doc.kind)}
                  {doc.sizeBytes !== null && ` · ${fileSize(doc.sizeBytes)}`}
                  {doc.archivedAt && <span title={fullDate(doc.archivedAt)}>{` · archived ${timeSince(doc.archivedAt)}`}</span>}
                </div>
              </div>
              <div className="header-actions">
                <button type="button" className="button button-danger button-small" onClick={() => setPurging(doc)}>
                  Purge
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {purging && <PurgeDialog doc={purging} onClose={() => setPurging(undefined)} />}
    </div>
  );
}
