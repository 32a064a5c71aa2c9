import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { DuplicateCandidate } from '../../../../domain/merge/merge-records';
import { mergeRecord, type RecordKind } from './duplicates.api';

/**
 * Asks before merging `source` into the record on screen, saying what happens: its work moves
 * here, its empty fields fill ours, its automation stops, and it is archived as merged.
 */
export function MergeDialog({ kind, survivorId, source, onClose }: { kind: RecordKind; survivorId: string; source: DuplicateCandidate; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const queryClient = useQueryClient();
  const merge = useMutation({
    mutationFn: () => mergeRecord(kind, survivorId, source.id),
    onSuccess: () => {
      // Every list and panel that shows either record, its tasks, notes, offers or documents.
      void queryClient.invalidateQueries();
      onClose();
    },
  });

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const noun = kind === 'lead' ? 'lead' : 'buyer';
  const work = kind === 'lead' ? 'tasks, offers, notes, documents, calls, favorites, tags and history' : 'tasks, offers, notes, documents, e-mails, favorites and history';
  return (
    <dialog ref={dialog} className="merge-dialog" aria-labelledby="merge-title" onCancel={onClose} data-testid="merge-dialog">
      <div className="merge-dialog-body">
        <h2 id="merge-title">Merge {source.name} into this {noun}?</h2>
        <ul>
          <li>Its {work} move to this {noun}.</li>
          <li>Fields empty here take its values; what this {noun} holds is kept.</li>
          <li>Its open automatic tasks are cancelled and its workflow ends: this {noun}’s own automation carries on.</li>
          <li>It is archived as merged, and its page links here. This cannot be undone.</li>
        </ul>
        {merge.isError && (
          <p className="alert alert-error" role="alert">
            {merge.error.message}
          </p>
        )}
        <div className="merge-dialog-actions">
          <button type="button" className="button button-primary button-small" disabled={merge.isPending} onClick={() => merge.mutate()}>
            {merge.isPending ? 'Merging…' : `Merge into this ${noun}`}
          </button>
          <button type="button" className="button button-secondary button-small" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </dialog>
  );
}
