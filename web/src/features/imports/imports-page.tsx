import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fullDate, optionLabel, timeSince } from '../../lib/format';
import { ListTable, TableMessage } from '../../lib/list-table';
import { StatusPill } from '../../lib/status-pill';
import { useDeniedReason } from '../auth/use-denied-reason';
import { useMe } from '../auth/use-me';
import { ImportProgress, importPercent } from './import-progress';
import { importErrorsUrl, IMPORTS_KEY, isImportRunning, listImports, type ImportItem } from './imports.api';
import { NewImportForm } from './new-import-form';
import './imports.css';

const count = (value: number): string => value.toLocaleString('en-US');

function PastImports({ items, isPending, shownId, onShow, everyone }: { items: ImportItem[]; isPending: boolean; shownId?: string; onShow: (id: string) => void; everyone: boolean }) {
  return (
    <section className="card" aria-labelledby="past-imports-title">
      <header className="card-header">
        <div>
          <h2 id="past-imports-title">Past imports</h2>
          <p className="card-subtitle">{everyone ? 'Every import of the team, newest first.' : 'The imports you made, newest first.'}</p>
        </div>
      </header>
      <ListTable aria-labelledby="past-imports-title" data-testid="past-imports">
        <thead>
          <tr>
            <th>File</th>
            <th>Status</th>
            <th>Started</th>
            <th className="num">Created</th>
            <th className="num">Duplicates</th>
            <th className="num">Errors</th>
            <th className="num">Total</th>
            <th>Row report</th>
          </tr>
        </thead>
        <tbody>
          {isPending && <TableMessage columns={8}>Loading…</TableMessage>}
          {!isPending && items.length === 0 && <TableMessage columns={8}>No imports yet.</TableMessage>}
          {items.map((item) => (
            <tr key={item.id} data-testid="import-row" aria-current={item.id === shownId ? 'true' : undefined}>
              <td className="cell-title cell-wrap">
                <button type="button" className="import-row-button" onClick={() => onShow(item.id)}>
                  {item.fileName}
                </button>
                <span className="muted import-row-provider">{item.provider ? optionLabel(item.provider) : 'Other list'}</span>
              </td>
              <td data-label="Status">
                <StatusPill status={item.status} />
                {isImportRunning(item) && <span className="muted"> {importPercent(item)} %</span>}
                {item.notImported > 0 && <span className="muted import-row-stopped">stopped before {count(item.notImported)} rows</span>}
              </td>
              <td data-label="Started" title={fullDate(item.createdAt)}>
                {timeSince(item.createdAt)}
              </td>
              <td data-label="Created" className="num">
                {count(item.created)}
              </td>
              <td data-label="Duplicates" className="num">
                {count(item.duplicates)}
              </td>
              <td data-label="Errors" className="num">
                {count(item.errors)}
              </td>
              <td data-label="Total" className="num">
                {count(item.total)}
              </td>
              <td data-label="Row report">
                {item.errors + item.duplicates > 0 ? (
                  <a href={importErrorsUrl(item.id)} download>
                    row-report.csv
                  </a>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </ListTable>
    </section>
  );
}

/**
 * `/imports`: supervisors and admins import a CSV list (preview, mapping, live progress, cancel,
 * error report) and see every import; anyone else sees only the imports they made.
 */
export function ImportsPage() {
  const me = useMe().data;
  const deniedReason = useDeniedReason();
  const createDenied = me ? deniedReason('create', { type: 'import', createdById: me.id }) : 'Sign in first';
  const [chosenId, setChosenId] = useState<string>();
  const imports = useQuery({ queryKey: IMPORTS_KEY, queryFn: listImports });
  const items = imports.data?.items ?? [];
  // The one chosen, else the newest still running.
  const shownId = chosenId ?? items.find(isImportRunning)?.id;
  const everyone = me?.role === 'ADMIN' || me?.role === 'SUPERVISOR';
  return (
    <div className="page imports-page">
      <header className="page-header">
        <p className="page-eyebrow">Leads</p>
        <h1>Import a list</h1>
        <p className="muted">Owners from a purchased list become leads, with their phones, tags and an owner; rows already in the CRM are counted as duplicates.</p>
      </header>
      {createDenied === undefined ? (
        <NewImportForm onStarted={setChosenId} />
      ) : (
        <p className="alert alert-info">Only supervisors and admins import lists. Any import you made is listed here.</p>
      )}
      {shownId && <ImportProgress key={shownId} id={shownId} />}
      {imports.isError && <p className="alert alert-error">{imports.error.message}</p>}
      <PastImports items={items} isPending={imports.isPending} shownId={shownId} onShow={setChosenId} everyone={everyone} />
    </div>
  );
}
