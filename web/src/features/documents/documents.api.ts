import type { ApiErrorBody } from '../../../../domain/api-error.schema';
import { CLIENT_HEADER } from '../../../../domain/auth/client-header';
import type { DocumentItem } from '../../../../domain/documents/document.schema';
import type { List } from '../../../../domain/pagination';
import { api, ApiError } from '../../lib/api-client';

export type { DocumentItem };
export type DocumentSubject = { leadId: string } | { buyerId: string } | { offerId: string };

export const listDocuments = (subject: DocumentSubject): Promise<List<DocumentItem>> => api.get(`/api/documents?${new URLSearchParams(subject).toString()}`);
/** A record's archived documents: admins only (they purge them). */
export const listArchivedDocuments = (subject: DocumentSubject): Promise<List<DocumentItem>> => api.get(`/api/documents?${new URLSearchParams({ ...subject, archived: 'true' }).toString()}`);
/** Deletes a document and its file for good (admins). */
export const purgeDocument = (id: string): Promise<void> => api.delete(`/api/documents/${encodeURIComponent(id)}`);
export const documentFileUrl = (id: string): string => `/api/documents/${encodeURIComponent(id)}/file`;
export const archiveDocument = (id: string): Promise<DocumentItem> => api.post(`/api/documents/${encodeURIComponent(id)}/archive`);
export const updateDocumentExpiry = (id: string, expiresAt: string | null): Promise<DocumentItem> => api.patch(`/api/documents/${encodeURIComponent(id)}`, { expiresAt });

export interface UploadInput {
  subject: DocumentSubject;
  kind: string;
  expiresAt?: string;
  file: File;
}

/**
 * Uploads a file (multipart) with XMLHttpRequest, whose upload events give the progress bar
 * what fetch cannot; `onProgress` gets 0…1. The Idempotency-Key lets a retry answer the first upload.
 */
export function uploadDocument({ subject, kind, expiresAt, file }: UploadInput, idempotencyKey: string, onProgress: (fraction: number) => void): Promise<DocumentItem> {
  const form = new FormData();
  for (const [field, id] of Object.entries(subject)) form.append(field, id);
  form.append('kind', kind);
  if (expiresAt) form.append('expiresAt', expiresAt);
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    xhr.setRequestHeader(CLIENT_HEADER, 'web');
    xhr.setRequestHeader('Idempotency-Key', idempotencyKey);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.responseType = 'json';
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      const body = xhr.response as (DocumentItem & Partial<ApiErrorBody>) | null;
      if (xhr.status === 201 && body) return resolve(body);
      const error = body?.error;
      reject(new ApiError(xhr.status, error?.code ?? 'HTTP_ERROR', error?.message ?? `The server answered ${xhr.status}`, error?.fields));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'NETWORK_ERROR', 'Cannot reach the server. Check your connection and try again.')));
    xhr.send(form);
  });
}
