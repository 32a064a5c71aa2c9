import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';

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

/**
 * Puts the request back in context after a middleware that calls `next` from a stream callback
 * (express.json's body reader), where the async context of the request is lost.
 */
export const restoreRequestContext: RequestHandler = (_req, res, next) => {
  const requestId = res.locals.requestId as string | undefined;
  if (!requestId || currentRequestId() === requestId) return next();
  runInRequest(requestId, next);
};
