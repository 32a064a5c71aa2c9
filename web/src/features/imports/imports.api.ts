import type { ApiErrorBody } from '../../../../domain/api-error.schema';
import { CLIENT_HEADER } from '../../../../domain/auth/client-header';
import type { ImportItem, ImportMapping, ImportProvider } from '../../../../domain/imports/import-fields';
import type { ImportedLead } from '../../../../domain/imports/map-import-row';
import type { ImportDuplicate } from '../../../../domain/imports/duplicate-rows';
import type { List } from '../../../../domain/pagination';
import { api, ApiError } from '../../lib/api-client';

export type { ImportItem, ImportMapping };

export const IMPORTS_KEY = ['imports'] as const;
export const importKey = (id: string) => ['imports', id] as const;

export interface ImportPreview {
  provider: ImportProvider | null;
  headers: string[];
  mapping: ImportMapping;
  sample: Array<{ rowNumber: number; values: Record<string, string>; lead: ImportedLead | null; error: string | null; duplicateOf: ImportDuplicate | null }>;
}

export interface StartImportInput {
  file: File;
  mapping: ImportMapping;
  ownerId?: string;
  tags: string;
  onDuplicate: 'skip' | 'update';
}

// The preview reads the header and 10 rows: the first half megabyte of a big list is plenty, and
// a mapping changed on a 60 MB file does not send it again.
const PREVIEW_BYTES = 512 * 1024;

/** Sends a multipart form with XMLHttpRequest, whose upload events give the progress bar what fetch cannot. */
function sendForm<T>(path: string, form: FormData, okStatus: number, onProgress?: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader(CLIENT_HEADER, 'web');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.responseType = 'json';
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      const body = xhr.response as (T & Partial<ApiErrorBody>) | null;
      if (xhr.status === okStatus && body) return resolve(body);
      const error = body?.error;
      reject(new ApiError(xhr.status, error?.code ?? 'HTTP_ERROR', error?.message ?? `The server answered ${xhr.status}`, error?.fields));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'NETWORK_ERROR', 'Cannot reach the server. Check your connection and try again.')));
    xhr.send(form);
  });
}

/** The detected provider, the mapping (the one given, else the suggested one) and the first 10 rows as they would be imported. */
export function previewImport(file: File, mapping?: ImportMapping): Promise<ImportPreview> {
  const form = new FormData();
  form.append('file', file.size > PREVIEW_BYTES ? new File([file.slice(0, PREVIEW_BYTES)], file.name, { type: file.type }) : file, file.name);
  if (mapping) form.append('mapping', JSON.stringify(mapping));
  return sendForm('/api/imports/preview', form, 200);
}

/** Uploads the whole list and starts its import: 202 `{id, status}`; `onProgress` gets 0…1 of the upload. */
export function startImport(input: StartImportInput, onProgress: (fraction: number) => void): Promise<{ id: string; status: ImportItem['status'] }> {
  const form = new FormData();
  form.append('mapping', JSON.stringify(input.mapping));
  if (input.ownerId) form.append('ownerId', input.ownerId);
  form.append('tags', input.tags);
  form.append('onDuplicate', input.onDuplicate);
  form.append('file', input.file, input.file.name);
  return sendForm('/api/imports', form, 202, onProgress);
}

export const listImports = (): Promise<List<ImportItem>> => api.get('/api/imports');
export const getImport = (id: string): Promise<ImportItem> => api.get(`/api/imports/${encodeURIComponent(id)}`);
export const cancelImport = (id: string): Promise<ImportItem> => api.post(`/api/imports/${encodeURIComponent(id)}/cancel`);
export const importErrorsUrl = (id: string): string => `/api/imports/${encodeURIComponent(id)}/errors.csv`;

/** Still going: QUEUED or RUNNING. */
export const isImportRunning = (item: Pick<ImportItem, 'status'>): boolean => item.status === 'QUEUED' || item.status === 'RUNNING';
