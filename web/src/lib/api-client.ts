import type { ApiErrorBody } from '../../../domain/api-error.schema';
import { CLIENT_HEADER } from '../../../domain/auth/client-header';
import { sendEarly, takeEarlyResponse } from './early-requests';

/** An API error in the server's one shape: `{error: {code, message, fields?}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    /** A DUPLICATE's record that exists already. */
    readonly existingId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// Read defensively: a proxy or a crashed server may answer something else.
type ErrorBody = { error?: Partial<ApiErrorBody['error']> };

type HeadersReader = (headers: Headers) => void;

const requestInit = (method: string, body: unknown, extraHeaders: Record<string, string>): RequestInit => ({
  method,
  credentials: 'same-origin',
  // The client header tells the API this write comes from our own page (CSRF, see api/refuse-cross-site.ts).
  headers: { accept: 'application/json', [CLIENT_HEADER]: 'web', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...extraHeaders },
  body: body === undefined ? undefined : JSON.stringify(body),
});

// While `requestEarly` runs, GETs are sent and kept for the page instead of answered (early-requests.ts).
let sendingEarly = false;

/**
 * The answer to a GET sent early, a 404 included; sent again when it failed or was refused for want
 * of a session (the user may have signed in since).
 */
async function earlyAnswer(path: string): Promise<Response | undefined> {
  const early = takeEarlyResponse(path);
  if (!early) return undefined;
  const response = await early.catch(() => undefined);
  return response && response.status !== 401 ? response : undefined;
}

async function request<T>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}, readHeaders?: HeadersReader): Promise<T> {
  if (sendingEarly && method === 'GET') {
    sendEarly(path, requestInit(method, body, extraHeaders));
    // The caller is only sending: its result is never looked at.
    return new Promise<T>(() => undefined);
  }
  let response: Response;
  try {
    response = (method === 'GET' ? await earlyAnswer(path) : undefined) ?? (await fetch(path, requestInit(method, body, extraHeaders)));
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'Cannot reach the server. Check your connection and try again.');
  }
  if (response.ok) readHeaders?.(response.headers);
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (payload as ErrorBody | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? 'HTTP_ERROR', error?.message ?? `The server answered ${response.status}`, error?.fields, error?.existingId);
  }
  return payload as T;
}

export const api = {
  /** `readHeaders` sees a successful answer's headers. */
  get: <T>(path: string, readHeaders?: HeadersReader) => request<T>('GET', path, undefined, {}, readHeaders),
  post: <T>(path: string, body: unknown = {}, readHeaders?: HeadersReader) => request<T>('POST', path, body, {}, readHeaders),
  /** A create sent under an Idempotency-Key: sent again with the same key, it answers the first result. */
  create: <T>(path: string, body: unknown, idempotencyKey: string) => request<T>('POST', path, body, { 'Idempotency-Key': idempotencyKey }),
  /** `version`: the record's `updatedAt` as the edit was started, sent as If-Match (a 412 when it changed since). */
  patch: <T>(path: string, body: unknown, version?: string) => request<T>('PATCH', path, body, version ? { 'If-Match': `"${version}"` } : {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/**
 * Sends the GETs `send` makes (the same API functions the page calls) now, before the page asks:
 * each answer is kept for the page's first identical GET (early-requests.ts).
 */
export function requestEarly(send: () => void): void {
  sendingEarly = true;
  try {
    send();
  } finally {
    sendingEarly = false;
  }
}

export const isUnauthenticated = (error: unknown): boolean => error instanceof ApiError && error.status === 401;
