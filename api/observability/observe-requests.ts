import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import { pinoHttp } from 'pino-http';
import { isSaneRequestId, REQUEST_ID_HTTP_HEADER } from '../../domain/observability/request-id';
import type { PublicUser } from '../../domain/users/user-role';
import type { Logger } from './create-logger';
import type { Metrics } from './metrics';
import { runInRequest } from './request-context';

/** nginx's status for a request whose client went away before it was answered; nothing was sent. */
const CLIENT_CLOSED_REQUEST = 499;

/** `/api/leads` + `/:id`; a router's own `/` adds nothing. */
const joinRoute = (base: string, path: string): string => (path === '/' ? base || '/' : `${base}${path}`);

/**
 * Follows `req.route` as Express sets it, and keeps the pattern with the base URL the route was
 * matched under (`/api/leads/:id`): once the handler has answered or thrown, Express may have put
 * `req.baseUrl` back to an outer router's. One property setter a request, no string work until then.
 */
function trackRoutePattern(req: Request): () => string {
  let route: { path?: unknown } | undefined;
  let pattern: string | undefined;
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set(value: { path?: unknown } | undefined) {
      route = value;
      pattern = typeof value?.path === 'string' ? joinRoute(req.baseUrl, value.path) : 'web app';
    },
  });
  // No route matched: a static file of the web app, or a 404 (never the raw URL: ids would explode the label's values).
  return () => pattern ?? (/^\/api(\/|\?|$)/.test(req.originalUrl) ? 'unmatched' : 'static');
}

/**
 * One JSON log line and one latency observation per request, and its request id: the incoming
 * `X-Request-Id` when it is a sane token, else a new UUID, echoed in the response and kept in the
 * async context so the Temporal client sends it along with the workflows the request starts.
 * The line has method, route pattern, path (no query string), status, duration in ms, the
 * signed-in user's id and the request id; never headers, cookies or bodies.
 */
export function observeRequests({ logger, metrics }: { logger: Logger; metrics: Metrics }): RequestHandler {
  const routes = new WeakMap<IncomingMessage, () => string>();
  const lineOf = (req: IncomingMessage, res: ServerResponse) => {
    const request = req as Request;
    const user = (res as Response).locals?.user as PublicUser | undefined;
    return {
      method: request.method,
      route: routes.get(req)?.() ?? 'unmatched',
      path: request.originalUrl.split('?')[0],
      // Express's status is 200 until something is answered (and an answer to a request whose body never came goes nowhere): such a request logs 499.
      status: !res.headersSent || req.readableAborted ? CLIENT_CLOSED_REQUEST : res.statusCode,
      ...(user ? { userId: user.id } : {}),
    };
  };
  const log = pinoHttp({
    logger,
    genReqId: (_req, res) => (res as Response).locals.requestId as string,
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    // pino-http logs a response its client closed (an event stream, an abandoned request) as a success.
    customSuccessMessage: (req, res) => (res.writableFinished && !req.readableAborted ? 'request completed' : 'request closed by the client'),
    customErrorMessage: () => 'request failed',
    customSuccessObject: (req, res, value: { durationMs: number }) => ({ ...lineOf(req, res), durationMs: value.durationMs }),
    customErrorObject: (req, res, error, value: { durationMs: number }) => ({ ...lineOf(req, res), durationMs: value.durationMs, err: { message: error.message } }),
  });

  return (req, res, next) => {
    const incoming = req.headers[REQUEST_ID_HTTP_HEADER.toLowerCase()];
    const requestId = isSaneRequestId(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader(REQUEST_ID_HTTP_HEADER, requestId);
    const routeOf = trackRoutePattern(req);
    routes.set(req, routeOf);
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      // A stream's duration is how long it stayed open, not a latency.
      if (String(res.getHeader('content-type') ?? '').startsWith('text/event-stream')) return;
      metrics.requestDuration.observe({ method: req.method, route: routeOf(), status: String(res.statusCode) }, Number(process.hrtime.bigint() - started) / 1e9);
    });
    runInRequest(requestId, () => log(req, res, next));
  };
}
