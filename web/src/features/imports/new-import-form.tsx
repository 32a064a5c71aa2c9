import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { readHeaderRow } from '../../../../domain/imports/column-names';
import { missingRequiredFields } from '../../../../domain/imports/detect-provider';
import type { ImportField } from '../../../../domain/imports/import-fields';
import { ApiError } from '../../lib/api-client';
import { optionLabel } from '../../lib/format';
import { useMe } from '../auth/use-me';
import { useUsers } from '../users/use-users';
import { IMPORTS_KEY, previewImport, startImport, type ImportMapping, type ImportPreview } from './imports.api';
import { MappingTable, SampleTable } from './import-mapping';

/** 2.4 MB, 312 KB. */
const fileSize = (bytes: number): string => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-US')} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/**
 * Drop or choose a CSV → its preview (the provider recognised, each column's target, the first 10
 * rows as they will be imported), the owner, tags and what to do with duplicates → Start.
 */
export function NewImportForm({ onStarted }: { onStarted: (id: string) => void }) {
  const ids = useId();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const users = (useUsers().data?.items ?? []).filter((user) => user.active);
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File>();
  const [dragging, setDragging] = useState(false);
  const [preview, setPreview] = useState<ImportPreview>();
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [mappingProblem, setMappingProblem] = useState<string>();
  const [ownerId, setOwnerId] = useState('');
  const [tags, setTags] = useState('');
  const [onDuplicate, setOnDuplicate] = useState<'skip' | 'update'>('skip');
  const [uploaded, setUploaded] = useState<number>();
  const [problem, setProblem] = useState<string>();
  // Only the newest preview counts: answers to earlier mappings arrive late on a slow line.
  const asked = useRef(0);

  const readPreview = useMutation({
    mutationFn: async ({ chosen, given }: { chosen: File; given?: ImportMapping }) => {
      const ticket = ++asked.current;
      try {
        return { ticket, preview: await previewImport(chosen, given), problem: undefined };
      } catch (error) {
        // No address or zip column recognised: offer the file's columns to map by hand.
        if (error instanceof ApiError && error.status === 400 && (error.fields.street || error.fields.zip)) {
          const headers = given ? Object.keys(given) : readHeaderRow(await chosen.slice(0, 64 * 1024).text());
          if (headers.length === 0) throw error;
          const manual: ImportPreview = { provider: null, headers, mapping: given ?? Object.fromEntries(headers.map((header) => [header, null])), sample: [] };
          return { ticket, preview: manual, problem: error.message };
        }
        throw error;
      }
    },
    onSuccess: (result) => {
      if (result.ticket !== asked.current) return;
      setPreview(result.preview);
      setMapping(result.preview.mapping);
      setMappingProblem(result.problem);
    },
  });

  const start = useMutation({
    mutationFn: (chosen: File) => startImport({ file: chosen, mapping, ownerId: ownerId || undefined, tags, onDuplicate }, setUploaded),
    onSuccess: (started) => {
      onStarted(started.id);
      reset();
      void queryClient.invalidateQueries({ queryKey: IMPORTS_KEY });
    },
    onSettled: () => setUploaded(undefined),
  });

  function reset(): void {
    setFile(undefined);
    setPreview(undefined);
    setMapping({});
    setMappingProblem(undefined);
    setTags('');
    setOwnerId('');
    setOnDuplicate('skip');
    if (fileInput.current) fileInput.current.value = '';
  }

  function choose(chosen: File | undefined): void {
    setProblem(undefined);
    setPreview(undefined);
    setMappingProblem(undefined);
    start.reset();
    setFile(chosen);
    if (chosen) readPreview.mutate({ chosen });
  }

  function remap(column: string, field: ImportField | null): void {
    const next = { ...mapping, [column]: field };
    setMapping(next);
    if (file) readPreview.mutate({ chosen: file, given: next });
  }

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  };

  const ready = preview !== undefined && missingRequiredFields(mapping).length === 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setProblem('Choose a CSV file or drop one here');
    if (!ready) return setProblem('Map a column to the property address and one to the zip (or one to the full address) first');
    setProblem(undefined);
    start.mutate(file);
  };
  const error = problem ?? (start.isError ? start.error.message : readPreview.isError ? readPreview.error.message : undefined);
  const newRows = preview?.sample.filter((row) => row.lead && !row.duplicateOf).length ?? 0;
  const duplicateRows = preview?.sample.filter((row) => row.lead && row.duplicateOf).length ?? 0;

  return (
    <section className="card" aria-labelledby={`${ids}-title`} data-testid="new-import">
      <header className="card-header">
        <div>
          <h2 id={`${ids}-title`}>New import</h2>
          <p className="card-subtitle">A CSV export from PropStream, DealMachine, BatchLeads or your own sheet. Imported leads wait in the call queue by score.</p>
        </div>
      </header>
      <form className="inline-form import-form" noValidate onSubmit={submit} aria-label="Import a list">
        <label
          className={`import-drop span-all${dragging ? ' import-drop-active' : ''}${error && !file ? ' field-invalid' : ''}`}
          htmlFor={`${ids}-file`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
          data-testid="import-drop"
        >
          <span className="import-drop-text">{file ? `${file.name} · ${fileSize(file.size)}` : 'Drop a CSV file here or choose one'}</span>
          <span className="field-hint">The header row names the columns; up to 300 MB</span>
          <input id={`${ids}-file`} ref={fileInput} type="file" accept=".csv,text/csv" className="import-file-input" onChange={(event) => choose(event.target.files?.[0])} />
        </label>

        {file && readPreview.isPending && !preview && <p className="muted span-all">Reading the first rows…</p>}

        {preview && (
          <div className="span-all import-preview">
            <p className="import-provider" data-testid="import-provider">
              {preview.provider ? (
                <>
                  Recognised a <strong>{optionLabel(preview.provider)}</strong> export: check the columns below.
                </>
              ) : (
                'Not a PropStream, DealMachine or BatchLeads export: choose what each column becomes.'
              )}
            </p>
            {mappingProblem && (
              <p className="alert alert-warning" role="status">
                {mappingProblem}
              </p>
            )}
            <h3 className="import-section-title">Columns</h3>
            <MappingTable headers={preview.headers} mapping={mapping} firstRow={preview.sample[0]?.values} onChange={remap} />
            {preview.sample.length > 0 && (
              <>
                <h3 className="import-section-title">
                  The first {preview.sample.length} rows as they will be imported <span className="muted">
                    ({newRows} new{duplicateRows > 0 ? `, ${duplicateRows} duplicate${duplicateRows > 1 ? 's' : ''}` : ''}, {preview.sample.length - newRows - duplicateRows} not imported)
                  </span>
                  {readPreview.isPending && <span className="muted"> · updating…</span>}
                </h3>
                <SampleTable sample={preview.sample} />
              </>
            )}
          </div>
        )}

        {preview && (
          <>
            <div className="field">
              <label className="field-label" htmlFor={`${ids}-owner`}>
                Owner of the new leads
              </label>
              <select id={`${ids}-owner`} value={ownerId} onChange={(event) => setOwnerId(event.target.value)}>
                <option value="">{me ? `Me (${me.name})` : 'Me'}</option>
                {users
                  .filter((user) => user.id !== me?.id)
                  .map((user) => (
                    <option key={user.id} value={user.id}>
                      {user.name} · {optionLabel(user.role)}
                    </option>
                  ))}
              </select>
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${ids}-tags`}>
                Tags (optional, comma-separated)
              </label>
              <input id={`${ids}-tags`} value={tags} maxLength={500} placeholder="Absentee owners, Spring mailer" onChange={(event) => setTags(event.target.value)} />
            </div>
            <fieldset className="field span-all import-duplicates">
              <legend className="field-label">A row whose property is already a lead</legend>
              <label className="field-check">
                <input type="radio" name={`${ids}-duplicate`} value="skip" checked={onDuplicate === 'skip'} onChange={() => setOnDuplicate('skip')} />
                Skip it
              </label>
              <label className="field-check">
                <input type="radio" name={`${ids}-duplicate`} value="update" checked={onDuplicate === 'update'} onChange={() => setOnDuplicate('update')} />
                Fill the lead&apos;s empty fields and add the tags (never overwrites)
              </label>
            </fieldset>
          </>
        )}

        {error && (
          <p className="field-error span-all" role="alert">
            {error}
          </p>
        )}
        {file && (
          <div className="form-actions-row">
            <button className="button button-primary" type="submit" disabled={start.isPending || readPreview.isPending}>
              {start.isPending ? 'Uploading…' : 'Start import'}
            </button>
            {!start.isPending && (
              <button type="button" className="button button-secondary" onClick={reset}>
                Clear
              </button>
            )}
            {uploaded !== undefined && (
              <progress className="import-upload-progress" max={1} value={uploaded} aria-label="Upload progress">
                {Math.round(uploaded * 100)}%
              </progress>
            )}
          </div>
        )}
      </form>
    </section>
  );
}
