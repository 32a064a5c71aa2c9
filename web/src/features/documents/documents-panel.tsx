import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { DOCUMENT_KINDS } from '../../../../domain/documents/document-kinds';
import { ALLOWED_DOCUMENT_TYPE_NAMES, documentMaxMegabytes, fileTooLargeMessage, isPreviewable } from '../../../../domain/documents/document-files';
import { fullDate, optionLabel, timeAgo } from '../../lib/format';
import { useSubmissionKey } from '../../lib/submission-key';
import { useAppConfig } from '../../lib/use-app-config';
import { useDeniedReason } from '../auth/use-denied-reason';
import { archiveDocument, documentFileUrl, listDocuments, updateDocumentExpiry, uploadDocument, type DocumentItem, type DocumentSubject } from './documents.api';
import { ArchivedDocuments } from './archived-documents';
import './documents.css';
import { fileSize } from './file-size';

// A date field's day, as the end of that day where the user is: a document valid "until the 12th" is valid all day.
const endOfDay = (day: string): string | undefined => (day ? new Date(`${day}T23:59:59`).toISOString() : undefined);

const hasPassed = (iso: string): boolean => Date.parse(iso) <= Date.now();

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.heic,.heif,.docx,.xlsx,.txt,application/pdf,image/png,image/jpeg,image/heic,text/plain';

/** The expiry's day as a date field shows it, where the user is. */
const dayOf = (iso: string | null): string => {
  if (!iso) return '';
  const date = new Date(iso);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};

function DocumentRow({ doc }: { doc: DocumentItem }) {
  const queryClient = useQueryClient();
  const ids = useId();
  const deniedReason = useDeniedReason();
  const denied = deniedReason('archive', { type: 'document', uploadedById: doc.uploadedById });
  const updateDenied = deniedReason('update', { type: 'document', uploadedById: doc.uploadedById });
  const [editing, setEditing] = useState(false);
  const [day, setDay] = useState(dayOf(doc.expiresAt));
  const archive = useMutation({
    mutationFn: () => archiveDocument(doc.id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['documents'] }),
  });
  // A new expiry re-arms the document's reminders on the server.
  const changeExpiry = useMutation({
    mutationFn: () => updateDocumentExpiry(doc.id, endOfDay(day) ?? null),
    onSuccess: () => setEditing(false),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['documents'] }),
  });
  const expired = doc.expiresAt !== null && hasPassed(doc.expiresAt);
  const isImage = doc.hasFile && isPreviewable(doc.mimeType) && doc.mimeType !== 'application/pdf';
  return (
    <li data-testid="document-row" className="document-row">
      {isImage && (
        <a href={documentFileUrl(doc.id)} target="_blank" rel="noreferrer" className="document-thumb">
          <img src={documentFileUrl(doc.id)} alt={`Preview of ${doc.fileName}`} loading="lazy" />
        </a>
      )}
      <div className="list-main">
        <div className="list-title document-name">{doc.fileName}</div>
        <div className="list-meta">
          {optionLabel(doc.kind)}
          {doc.sizeBytes !== null && ` · ${fileSize(doc.sizeBytes)}`}
          {doc.expiresAt && (
            <span className={expired ? 'document-expired' : undefined} title={fullDate(doc.expiresAt)} data-testid="document-expiry">
              {' · '}
              {expired ? 'expired' : 'expires'} {timeAgo(doc.expiresAt)}
            </span>
          )}
        </div>
        {archive.isError && (
          <p className="field-error" role="alert">
            {archive.error.message}
          </p>
        )}
        {editing && (
          <form
            className="document-expiry-form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              changeExpiry.mutate();
            }}
          >
            <label className="field-label" htmlFor={`${ids}-expiry`}>
              New expiry
            </label>
            <input id={`${ids}-expiry`} type="date" value={day} onChange={(event) => setDay(event.target.value)} />
            <button className="button button-secondary button-small" type="submit" disabled={changeExpiry.isPending}>
              Save expiry
            </button>
            {changeExpiry.isError && (
              <p className="field-error" role="alert">
                {changeExpiry.error.message}
              </p>
            )}
          </form>
        )}
      </div>
      <div className="header-actions">
        {doc.hasFile && isPreviewable(doc.mimeType) && (
          <a className="button button-secondary button-small" href={documentFileUrl(doc.id)} target="_blank" rel="noreferrer">
            Preview
          </a>
        )}
        {doc.hasFile && (
          <a className="button button-secondary button-small" href={documentFileUrl(doc.id)} download={doc.fileName}>
            Download
          </a>
        )}
        <button type="button" className="button button-secondary button-small" aria-expanded={editing} disabled={updateDenied !== undefined} title={updateDenied} onClick={() => setEditing((open) => !open)}>
          Expiry
        </button>
        <button type="button" className="button button-secondary button-small" disabled={archive.isPending || denied !== undefined} title={denied} onClick={() => archive.mutate()}>
          Archive
        </button>
      </div>
    </li>
  );
}

/** The documents of a lead, buyer or offer: upload (pick or drop a file, kind, expiry) with a progress bar, and the list with preview and download. */
export function DocumentsPanel({ subject, title = 'Documents' }: { subject: DocumentSubject; title?: string }) {
  const queryClient = useQueryClient();
  const ids = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File>();
  const [kind, setKind] = useState<string>('PURCHASE_CONTRACT');
  const [expiry, setExpiry] = useState('');
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<number>();
  const [problem, setProblem] = useState<string>();
  const documents = useQuery({ queryKey: ['documents', subject], queryFn: () => listDocuments(subject) });
  const maxBytes = useAppConfig().data?.documentMaxBytes;
  // A file over the server's limit is refused here, in the server's words, before minutes of uploading.
  const tooLarge = (candidate: File): string | undefined => (maxBytes !== undefined && candidate.size > maxBytes ? fileTooLargeMessage(maxBytes) : undefined);
  const choose = (picked: File | undefined) => {
    setFile(picked);
    setProblem(picked ? tooLarge(picked) : undefined);
  };
  const submission = useSubmissionKey();
  const upload = useMutation({
    mutationFn: (input: { file: File; kind: string; expiresAt?: string }) =>
      submission.send({ subject, kind: input.kind, expiresAt: input.expiresAt, name: input.file.name, size: input.file.size, modified: input.file.lastModified }, (key) =>
        uploadDocument({ subject, ...input }, key, setProgress),
      ),
    onSuccess: () => {
      setFile(undefined);
      setExpiry('');
      if (fileInput.current) fileInput.current.value = '';
      void queryClient.invalidateQueries({ queryKey: ['documents'] });
    },
    onSettled: () => setProgress(undefined),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setProblem('Choose a file or drop one here');
      return;
    }
    const refusal = tooLarge(file);
    setProblem(refusal);
    if (!refusal) upload.mutate({ file, kind, expiresAt: endOfDay(expiry) });
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) choose(dropped);
  };
  const items = documents.data?.items ?? [];
  const error = problem ?? (upload.isError ? upload.error.message : undefined);

  return (
    <section className="card" aria-labelledby={`${ids}-title`} data-testid="documents">
      <header className="card-header">
        <h2 id={`${ids}-title`}>{title}</h2>
      </header>
      <form className="inline-form" noValidate onSubmit={submit} aria-label="Upload a document">
        <label
          className={`document-drop span-all${dragging ? ' document-drop-active' : ''}${error ? ' field-invalid' : ''}`}
          htmlFor={`${ids}-file`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
          data-testid="document-drop"
        >
          <span className="document-drop-text">{file ? `${file.name} · ${fileSize(file.size)}` : 'Drop a file here or choose one'}</span>
          <span className="field-hint" data-testid="document-limit">
            {ALLOWED_DOCUMENT_TYPE_NAMES}
            {maxBytes !== undefined && `, up to ${documentMaxMegabytes(maxBytes)} MB`}
          </span>
          <input
            id={`${ids}-file`}
            ref={fileInput}
            type="file"
            accept={ACCEPT}
            className="document-file-input"
            onChange={(event) => choose(event.target.files?.[0])}
          />
        </label>
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-kind`}>
            Kind
          </label>
          <select id={`${ids}-kind`} value={kind} onChange={(event) => setKind(event.target.value)}>
            {DOCUMENT_KINDS.map((value) => (
              <option key={value} value={value}>
                {optionLabel(value)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-expiry`}>
            Expires (optional)
          </label>
          <input id={`${ids}-expiry`} type="date" value={expiry} onChange={(event) => setExpiry(event.target.value)} />
        </div>
        {error && (
          <p className="field-error span-all" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions-row">
          <button className="button button-secondary button-small" type="submit" disabled={upload.isPending}>
            {upload.isPending ? 'Uploading…' : 'Upload'}
          </button>
          {progress !== undefined && (
            <progress className="document-progress" max={1} value={progress} aria-label="Upload progress" data-testid="upload-progress">
              {Math.round(progress * 100)}%
            </progress>
          )}
        </div>
      </form>
      {documents.isError && <p className="alert alert-error">{documents.error.message}</p>}
      <ul className="list">
        {items.map((doc) => (
          <DocumentRow key={doc.id} doc={doc} />
        ))}
        {documents.isSuccess && items.length === 0 && <li className="empty">No documents yet.</li>}
      </ul>
      <ArchivedDocuments subject={subject} />
    </section>
  );
}
