import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { DuplicateCandidate } from '../../../../domain/merge/merge-records';
import { fullDate, optionLabel } from '../../lib/format';
import { listDuplicates, type RecordKind } from './duplicates.api';
import { MergeDialog } from './merge-dialog';
import './duplicates.css';

/**
 * "Possible duplicates" of a lead (same address; same phone or owner name in its ZIP) or a buyer
 * (same e-mail or phone), each with "Merge into this …". Shown only when there are some.
 */
export function DuplicatesPanel({ kind, id, denied }: { kind: RecordKind; id: string; denied?: string }) {
  // Under the list's key, so a change to any lead or buyer refreshes it.
  const duplicates = useQuery({ queryKey: [`${kind}s`, 'duplicates', id], queryFn: () => listDuplicates(kind, id) });
  const [merging, setMerging] = useState<DuplicateCandidate>();
  const items = duplicates.data?.items ?? [];
  if (items.length === 0 && !duplicates.isError) return null;
  const noun = kind === 'lead' ? 'lead' : 'buyer';
  return (
    <section className="card" aria-labelledby="duplicates-title" data-testid="duplicates-panel">
      <header className="card-header">
        <div>
          <h2 id="duplicates-title">Possible duplicates</h2>
          <p className="card-subtitle">{kind === 'lead' ? 'Other leads with this address, or this phone or owner name in this ZIP.' : 'Other buyers with this e-mail or phone.'}</p>
        </div>
      </header>
      {duplicates.isError && <p className="alert alert-error">{duplicates.error.message}</p>}
      <ul className="list">
        {items.map((item) => (
          <li key={item.id} className="duplicate-row" data-testid="duplicate-row">
            <div className="list-main">
              <div className="list-title">
                <Link to={`/${kind}s/${encodeURIComponent(item.id)}`}>{item.name}</Link>
                <span className="muted small"> · {optionLabel(item.status)}</span>
              </div>
              <div className="list-meta">
                {item.detail} · added {fullDate(item.createdAt)}
              </div>
              <div className="chips">
                {item.reasons.map((reason) => (
                  <span key={reason} className="chip">
                    {reason}
                  </span>
                ))}
              </div>
            </div>
            <button type="button" className="button button-secondary button-small" disabled={denied !== undefined} title={denied} onClick={() => setMerging(item)}>
              Merge into this {noun}
            </button>
          </li>
        ))}
      </ul>
      {merging && <MergeDialog kind={kind} survivorId={id} source={merging} onClose={() => setMerging(undefined)} />}
    </section>
  );
}
