import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { fullDate, optionLabel } from '../../lib/format';
import { StatusPill } from '../../lib/status-pill';
import { useDeniedReason } from '../auth/use-denied-reason';
import { cancelImport, getImport, importErrorsUrl, importKey, IMPORTS_KEY, isImportRunning, type ImportItem } from './imports.api';

const count = (value: number): string => value.toLocaleString('en-US');

/** How far an import is, 0–100: a finished import is 100 whatever it read. */
export function importPercent(item: Pick<ImportItem, 'status' | 'processed' | 'total'>): number {
  if (item.status === 'COMPLETED') return 100;
  return item.total > 0 ? Math.min(100, Math.floor((item.processed / item.total) * 100)) : 0;
}

const notImportedWords = (rows: number): string => `${count(rows)} ${rows === 1 ? 'row was' : 'rows were'} not imported`;
const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function describeState(item: ImportItem): string {
  if (item.status === 'QUEUED') return 'Waiting for the importer to pick the file up…';
  if (item.status === 'RUNNING' && item.cancelRequested) return 'Stopping after the rows it is writing now…';
  if (item.status === 'RUNNING') return item.total > 0 ? `${count(item.processed)} of ${count(item.total)} rows read` : 'Reading the file…';
  if (item.status === 'CANCELLED') return `Cancelled after ${count(item.processed)} of ${count(item.total)} rows: ${notImportedWords(item.notImported)}; the leads imported before it stopped stay.`;
  if (item.status === 'FAILED') return `Stopped: ${item.failure ?? 'the file could not be read'}. ${item.notImported > 0 ? `${capitalise(notImportedWords(item.notImported))}; w` : 'W'}hat was imported before stays.`;
  return `Done${item.finishedAt ? ` ${fullDate(item.finishedAt)}` : ''}: ${count(item.total)} rows read.`;
}

/** One import as it runs: a live progress bar (import.progress events refresh it), its counts, Cancel and the error report. */
export function ImportProgress({ id }: { id: string }) {
  const ids = useId();
  const queryClient = useQueryClient();
  const deniedReason = useDeniedReason();
  // import.progress events mark it stale (stale-queries.ts); the interval is only a safety net.
  const query = useQuery({ queryKey: importKey(id), queryFn: () => getImport(id), refetchInterval: (current) => (current.state.data && isImportRunning(current.state.data) ? 10_000 : false) });
  const cancel = useMutation({
    mutationFn: () => cancelImport(id),
    onSuccess: (item) => queryClient.setQueryData(importKey(id), item),
    onSettled: () => queryClient.invalidateQueries({ queryKey: IMPORTS_KEY }),
  });
  if (query.isPending) return <p className="muted card-body">Loading the import…</p>;
  if (query.isError) return <p className="alert alert-error">{query.error.message}</p>;
  const item = query.data;
  const percent = importPercent(item);
  const running = isImportRunning(item);
  const cancelDenied = deniedReason('update', { type: 'import', createdById: item.createdById });
  return (
    <section className="card import-progress-card" aria-labelledby={`${ids}-title`} data-testid="import-progress" data-status={item.status}>
      <header className="card-header">
        <div className="import-progress-title">
          <h2 id={`${ids}-title`}>{item.fileName}</h2>
          <p className="card-subtitle">
            {item.provider ? `${optionLabel(item.provider)} export` : 'Other list'} · started {fullDate(item.createdAt)}
          </p>
        </div>
        <StatusPill status={item.status} />
      </header>
      <div className="card-body import-progress-body">
        <div className="import-bar-row">
          <progress className="import-bar" max={100} value={item.status === 'QUEUED' ? undefined : percent} aria-label="Import progress" aria-valuetext={`${percent} %`} />
          <span className="import-percent" data-testid="import-percent">
            {percent} %
          </span>
        </div>
        <p className="muted import-state" aria-live="polite">
          {describeState(item)}
        </p>
        <dl className="import-counts">
          <div>
            <dt>Created</dt>
            <dd data-testid="import-created">{count(item.created)}</dd>
          </div>
          <div>
            <dt>Duplicates</dt>
            <dd data-testid="import-duplicates">{count(item.duplicates)}</dd>
          </div>
          <div className={item.errors > 0 ? 'import-count-errors' : undefined}>
            <dt>Errors</dt>
            <dd data-testid="import-errors">{count(item.errors)}</dd>
          </div>
          {item.notImported > 0 && (
            // A cancelled or failed import's rows after where it stopped: with it the counts add up to the total.
            <div>
              <dt>Not imported</dt>
              <dd data-testid="import-not-imported">{count(item.notImported)}</dd>
            </div>
          )}
          <div>
            <dt>Total</dt>
            <dd data-testid="import-total">{count(item.total)}</dd>
          </div>
        </dl>
        {cancel.isError && (
          <p className="field-error" role="alert">
            {cancel.error.message}
          </p>
        )}
        <div className="import-actions">
          {running && !item.cancelRequested && (
            <button type="button" className="button button-secondary" disabled={cancel.isPending || cancelDenied !== undefined} title={cancelDenied} onClick={() => cancel.mutate()}>
              {cancel.isPending ? 'Cancelling…' : 'Cancel import'}
            </button>
          )}
          {item.errors + item.duplicates > 0 && (
            // Each row not imported as a new lead: the errors with their reason, the duplicates with the lead or row each repeats.
            <a className="button button-secondary" href={importErrorsUrl(item.id)} download>
              Download row report
            </a>
          )}
        </div>
      </div>
    </section>
  );
}
