import { useQuery } from '@tanstack/react-query';
import type { DocumentItem } from '../../../../domain/documents/document.schema';
import type { List } from '../../../../domain/pagination';
import { api } from '../../lib/api-client';
import { fullDate, humanize, timeAgo } from '../../lib/format';

const kilobytes = (bytes: number): string => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-US')} KB`;

/** The documents recorded on a lead or buyer (metadata; files arrive with uploads). */
export function DocumentsPanel({ subject }: { subject: { leadId: string } | { buyerId: string } }) {
  const documents = useQuery({
    queryKey: ['documents', subject],
    queryFn: () => api.get<List<DocumentItem>>(`/api/documents?${new URLSearchParams(subject).toString()}`),
  });
  const items = documents.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="documents-title" data-testid="documents">
      <header className="card-header">
        <h2 id="documents-title">Documents</h2>
      </header>
      {documents.isError && <p className="alert alert-error">{documents.error.message}</p>}
      <ul className="list">
        {items.map((doc) => (
          <li key={doc.id}>
            <div className="list-main">
              <div className="list-title">{doc.fileName}</div>
              <div className="list-meta">
                {humanize(doc.kind)}
                {doc.sizeBytes !== null && ` · ${kilobytes(doc.sizeBytes)}`}
                {doc.expiresAt && <span title={fullDate(doc.expiresAt)}> · expires {timeAgo(doc.expiresAt)}</span>}
              </div>
            </div>
          </li>
        ))}
        {documents.isSuccess && items.length === 0 && <li className="empty">No documents yet.</li>}
      </ul>
    </section>
  );
}
