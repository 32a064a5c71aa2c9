import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../lib/api-client';
import { FormActions } from '../../lib/field';
import { fullDate } from '../../lib/format';
import './archive.css';

export type ArchiveKind = 'lead' | 'buyer';

const PLURAL: Record<ArchiveKind, string> = { lead: 'leads', buyer: 'buyers' };

/** What archiving stops, in the words of the README's "Archiving ends the automation". */
const STOPS: Record<ArchiveKind, string> = {
  lead: 'Its automation stops: its open automatic tasks (such as “Contact lead within 1 hour”) are cancelled, and it gets no more contact deadlines, overdue alerts or follow-ups. It leaves the lead list and buyer matching.',
  buyer: 'Its automation stops: its open automatic tasks are cancelled, and it gets no more weekly matching or proof-of-funds reminders. It leaves the buyer list and lead matching.',
};
const RESTARTS: Record<ArchiveKind, string> = {
  lead: 'Its automation restarts from now: a new lead gets a new contact task whose deadline counts from now, a contacted one its follow-ups.',
  buyer: 'Its automation restarts from now: weekly matching and proof-of-funds reminders again.',
};

function ArchiveDialog({ kind, id, archived, onClose }: { kind: ArchiveKind; id: string; archived: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: () => api.post<unknown>(`/api/${PLURAL[kind]}/${encodeURIComponent(id)}/${archived ? 'unarchive' : 'archive'}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [PLURAL[kind]] });
      // The workflow cancels or creates tasks a moment later; the live events refresh them too.
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      onClose();
    },
  });
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  const verb = archived ? 'Unarchive' : 'Archive';
  return (
    <dialog ref={dialog} className="archive-dialog" aria-labelledby="archive-title" onCancel={onClose}>
      <form
        noValidate
        className="dialog-body"
        onSubmit={(event) => {
          event.preventDefault();
          change.mutate();
        }}
      >
        <h2 id="archive-title">{`${verb} this ${kind}?`}</h2>
        <p>{archived ? RESTARTS[kind] : STOPS[kind]}</p>
        {!archived && <p className="muted">You can unarchive it later; its history, notes and offers stay.</p>}
        <FormActions submit={verb} busy={change.isPending} error={change.error} fields={[]} onCancel={onClose} />
      </form>
    </dialog>
  );
}

/**
 * "Archive" or "Unarchive" for a lead's or buyer's page header, with a confirmation that says what
 * stops (or restarts). Shown only when the permission matrix the API enforces allows it.
 */
export function ArchiveControl({ kind, id, archived, denied }: { kind: ArchiveKind; id: string; archived: boolean; denied: string | undefined }) {
  const [open, setOpen] = useState(false);
  if (denied !== undefined) return null;
  return (
    <>
      <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
        {archived ? 'Unarchive' : 'Archive'}
      </button>
      {open && <ArchiveDialog kind={kind} id={id} archived={archived} onClose={() => setOpen(false)} />}
    </>
  );
}

/** The notice on an archived lead's or buyer's page. */
export function ArchivedNotice({ kind, archivedAt }: { kind: ArchiveKind; archivedAt: string }) {
  return (
    <p className="alert alert-warning archived-notice" role="status" data-testid="archived-notice">
      {`Archived ${fullDate(archivedAt)}: this ${kind}’s automation is stopped. Unarchive it to restart it.`}
    </p>
  );
}
