import { randomUUID } from 'node:crypto';
import type { Express, Request, RequestHandler, Response } from 'express';
import { isSaneRequestId, REQUEST_ID_HTTP_HEADER } from '../../domain/observability/request-id';
import type { PublicUser } from '../../domain/users/user-role';
import type { Logger } from './create-logger';
import type { Metrics } from './metrics';
import { runInRequest } from './request-context';

/** nginx's status for a request whose client went away before it was answered; nothing was sent. */
const CLIENT_CLOSED_REQUEST = 499;

/** `/api/leads` + `/:id`; a router's own `/` adds nothing. */
const joinRoute = (base: string, path: string): string => (path === '/' ? base || '/' : `${base}${path}`);

const ROUTE = Symbol('route');
const ROUTE_PATTERN = Symbol('route pattern');
type TrackedRequest = Request & { [ROUTE]?: unknown; [ROUTE_PATTERN]?: string };

/**
 * Follows `req.route` as Express sets it, and keeps the pattern with the base URL the route was
 * matched under (`/api/leads/:id`): once the handler has answered or thrown, Express may have put
 * `req.baseUrl` back to an outer router's. The accessor is defined once, on the app's request
 * prototype (`app.request`, which Express gives every request): defined on each request, it
 * turned every request object into a slow dictionary-mode object, 8 % of the API's CPU for
 * `GET /api/me` (README, Observability).
 */
function trackRoutePatterns(app: Express): void {
  Object.defineProperty(app.request, 'route', {
    configurable: true,
    enumerable: true,
    get(this: TrackedRequest) {
      return this[ROUTE];
    },
    set(this: TrackedRequest, value: { path?: unknown } | undefined) {
      this[ROUTE] = value;
      this[ROUTE_PATTERN] = typeof value?.path === 'string' ? joinRoute(this.baseUrl, value.path) : 'web app';
    },
  });
}

/** The request's route pattern; no route matched: a static file of the web app, or a 404 (never the raw URL: ids would explode the label's values). */
const routePatternOf = (req: TrackedRequest): string => req[ROUTE_PATTERN] ?? (/^\/api(\/|\?|$)/.test(req.originalUrl) ? 'unmatched' : 'static');

/**
 * One JSON log line and one latency observation per request, and its request id: the incoming
 * `X-Request-Id` when it is a sane token, else a new UUID, echoed in the response and kept in the
 * async context so the Temporal client sends it along with the workflows the request starts.
 * The line has method, route pattern, path (no query string), status, duration in ms, the
 * signed-in user's id and the request id; never headers, cookies or bodies.
 *
 * Written with the logger itself when the answer ends rather than through pino-http: pino-http
 * makes two child loggers per request, one of them serializing the whole request (its headers)
 * for a request logger nothing here uses. Under 20 connections on /api/me: 8,100 → 9,850 answers
 * in 6 s, on a stack over a copy of the volume database.
 */
export function observeRequests(app: Express, { logger, metrics }: { logger: Logger; metrics: Metrics }): RequestHandler {
  trackRoutePatterns(app);
  return (req, res, next) => {
    const incoming = req.headers[REQUEST_ID_HTTP_HEADER.toLowerCase()];
    const requestId = isSaneRequestId(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader(REQUEST_ID_HTTP_HEADER, requestId);
    const started = process.hrtime.bigint();
    const ended = (error?: Error) => {
      res.off('finish', ended);
      res.off('close', ended);
      res.off('error', ended);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routePatternOf(req);
      // An answer that never finished is no latency, and neither is how long a stream stayed open.
      if (res.writableFinished && !String(res.getHeader('content-type') ?? '').startsWith('text/event-stream')) {
        metrics.requestDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      }
      logLine(logger, req, res, { requestId, route, durationMs: Math.round(seconds * 1000) }, error);
    };
    res.on('finish', ended);
    res.on('close', ended);
    res.on('error', ended);
    runInRequest(requestId, next);
  };
}

/** The request's line: "request failed" at level error for a failed answer or a 5xx, else info. */
function logLine(logger: Logger, req: Request, res: Response, known: { requestId: string; route: string; durationMs: number }, error: Error | undefined): void {
  const user = res.locals.user as PublicUser | undefined;
  const line = {
    requestId: known.requestId,
    method: req.method,
    route: known.route,
    path: req.originalUrl.split('?')[0],
    // Express's status is 200 until something is answered (and an answer to a request whose body never came goes nowhere): such a request logs 499.
    status: !res.headersSent || req.readableAborted ? CLIENT_CLOSED_REQUEST : res.statusCode,
    ...(user ? { userId: user.id } : {}),
    durationMs: known.durationMs,
  };
  if (error || res.statusCode >= 500) {
    logger.error({ ...line, err: { message: error?.message ?? `failed with status code ${res.statusCode}` } }, 'request failed');
    return;
  }
  // A response its client closed (an event stream, an abandoned request) is not a completed one.
  logger.info(line, res.writableFinished && !req.readableAborted ? 'request completed' : 'request closed by the client');
}
