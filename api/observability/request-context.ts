import { AsyncLocalStorage } from 'node:async_hooks';

interface RequestContext {
  requestId: string;
}

// What the request being served is, for code far from the route (the Temporal client's interceptor).
const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `body` (and everything it awaits) as part of the request `requestId`. */
export function runInRequest<T>(requestId: string, body: () => T): T {
  return storage.run({ requestId }, body);
}

/** The id of the request being served, when the caller runs inside one. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
