import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { TemporalDeps } from './temporal/client';
import cookieParser from 'cookie-parser';
import express from 'express';
import type { Db } from '../db/client';
import { createLoginLimiter, DEFAULT_LOGIN_LIMITS, type LoginLimiter, type LoginLimits } from './auth/login-limiter';
import { createPasswordChecker, type PasswordHashing } from './auth/password-checker';
import { requireUser } from './auth/require-user';
import { createSessionStore, DEFAULT_SESSION_LIMITS } from './auth/sessions';
import { errorHandler, notFoundHandler } from './errors';
import { noStore, securityHeaders } from './security-headers';
import { methodNotAllowed } from './method-not-allowed';
import { API_ROUTES, openApiDocument } from './openapi';
import type { DocumentStorage } from './documents/receive-upload';
import { readJsonBody } from './read-json-body';
import { refuseCrossSite } from './refuse-cross-site';
import { createAuthRouter } from './routes/auth.router';
import { createChangeMark } from './change-mark';
import { createBuyersRouter } from './routes/buyers.router';
import { createCalendarRouter } from './routes/calendar.router';
import { createDashboardRouter } from './routes/dashboard.router';
import { createQueueRouter } from './routes/queue.router';
import { createDealsRouter } from './routes/deals.router';
import { createDocumentsRouter } from './routes/documents.router';
import { createImportsRouter } from './routes/imports.router';
import { createEventsRouter } from './routes/events.router';
import { createHealthMonitor, type HealthMonitor } from './health/health-monitor';
import { createHealthRouter } from './routes/health.router';
import { createMetricsRouter } from './routes/metrics.router';
import { createReadyRouter } from './routes/ready.router';
import { silentLogger, type Logger } from './observability/create-logger';
import { createMetrics, type Metrics } from './observability/metrics';
import { observeRequests } from './observability/observe-requests';
import { createInvitesRouter } from './routes/invites.router';
import { createHistoryRouter } from './routes/history.router';
import { createLeadsRouter } from './routes/leads.router';
import { createMeRouter } from './routes/me.router';
import { createNotesRouter } from './routes/notes.router';
import { createNotificationsRouter } from './routes/notifications.router';
import { createOffersRouter } from './routes/offers.router';
import { createOutboxRouter } from './routes/outbox.router';
import { createUnsubscribeRouter } from './routes/unsubscribe.router';
import { createAnalyticsRouter } from './routes/analytics.router';
import { createSearchRouter } from './routes/search.router';
import { createSettingsRouter } from './routes/settings.router';
import { createTasksRouter } from './routes/tasks.router';
import { createUsersRouter } from './routes/users.router';
import { refuseInvalidQuery } from './validate';
import { createSettingsCache } from './settings/settings-cache';
import type { EventHub } from './sse/event-hub';
import { EVENTS_THROUGH_HEADER } from '../domain/events/live-event.schema';
import type { ClientConfig } from '../domain/config/client-config.schema';
import { DEFAULT_DEADLINES, type Deadlines } from '../domain/config/deadlines';
import { hasWebApp, serveWebApp } from './serve-web-app';

export interface AppDeps {
  db: Db;
  temporal: Client;
  hub: EventHub;
  taskQueue: string;
  /** How long a route waits for a workflow start before answering (WORKFLOW_START_DEADLINE_MS). */
  startDeadlineMs?: number;
  secureCookie: boolean;
  /** A session's absolute lifetime. */
  sessionTtlMs: number;
  /** A session ends after this long without a request (default 30 minutes). */
  sessionIdleMs?: number;
  /** Sessions a user may have at once (default 10): the oldest ends. */
  maxSessionsPerUser?: number;
  /** Sign-in failures before a lockout, and how long it lasts. */
  loginLimits?: LoginLimits;
  /** The limiter to count with instead of one of this process's own (several API processes share the primary's). */
  loginLimiter?: LoginLimiter;
  /** Argon2 hashes or checks at once (default 2). */
  passwordConcurrency?: number;
  /** The argon2 functions; tests count the calls. */
  passwordHashing?: PasswordHashing;
  /** The clock of session expiry and login lockouts; tests move it. */
  now?: () => Date;
  temporalUiUrl: string;
  /** The configured automation durations; admins' changes in Settings override them. */
  deadlines?: Deadlines;
  /** Folder of the built web app; served with a fallback to index.html when present. */
  webDist?: string;
  /** The background health checks (the process entry starts them); by default they run when /api/health is asked. */
  health?: HealthMonitor;
  /** Largest JSON body accepted, in bytes (JSON_BODY_LIMIT_KB); 64 KB when absent. */
  jsonBodyLimitBytes?: number;
  /** Origins besides the request's own Host allowed to send state-changing requests (APP_ORIGIN). */
  appOrigins?: readonly string[];
  /** Where uploaded documents are kept (DOCUMENTS_DIR) and the largest file (DOCUMENT_MAX_MB). */
  documents: DocumentStorage;
  /** Where e-mails' links point (APP_URL), without a trailing slash. */
  appUrl?: string;
  /** DATA_DIR/outbox: the .eml files the worker writes without SMTP_URL, shown on the Outbox page. */
  outboxDir?: string;
  /** Where list imports keep their CSV files while they run (DATA_DIR/imports); beside the documents when absent. */
  importsDir?: string;
  /** Where the JSON line of each request goes; silent when absent. */
  logger?: Logger;
  /** The process's metrics (its Temporal client counts its errors there too); a registry of the app's own when absent. */
  metrics?: Metrics;
  /** METRICS_TOKEN: when set, GET /metrics asks for it as a bearer token; without, only direct loopback requests get it. */
  metricsToken?: string;
  /** What GET /metrics answers when not this process's registry alone (several API processes: all of theirs, summed by the primary). */
  readMetrics?: () => Promise<string>;
}

/** The Express app, without listening: the process entry and the tests both use it. */
export function createApp(deps: AppDeps): express.Express {
  const { db, temporal, hub, taskQueue } = deps;
  // What every route that starts or signals workflows is given.
  const temporalDeps: TemporalDeps = { temporal, taskQueue, startDeadlineMs: deps.startDeadlineMs };
  const now = deps.now ?? (() => new Date());
  const sessions = createSessionStore(
    db,
    { ttlMs: deps.sessionTtlMs, idleMs: deps.sessionIdleMs ?? DEFAULT_SESSION_LIMITS.idleMs, maxPerUser: deps.maxSessionsPerUser ?? DEFAULT_SESSION_LIMITS.maxPerUser },
    { now, onSeen: (session, deadline) => hub.extendSession(session.id, deadline) },
  );
  const passwords = createPasswordChecker({ maxConcurrent: deps.passwordConcurrency ?? 2, ...(deps.passwordHashing ? { hashing: deps.passwordHashing } : {}) });
  const limiter = deps.loginLimiter ?? createLoginLimiter(deps.loginLimits ?? DEFAULT_LOGIN_LIMITS, () => now().getTime());
  const settings = createSettingsCache(db);
  hub.subscribe((event) => {
    if (event.entityType === 'user') sessions.forgetAll();
    if (event.entityType === 'session') sessions.forgetUser(event.entityId);
    if (event.entityType === 'setting') settings.forget();
  });
  const metrics = deps.metrics ?? createMetrics();
  metrics.countStreamsWith(() => hub.sessionCount);
  hub.subscribe((event) => {
    if (hub.sessionCount > 0) metrics.eventLag.observe(Math.max(0, Date.now() - event.createdAt.getTime()) / 1000);
  });
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // First: every answer, refusals included, gets its request id, log line and latency.
  app.use(observeRequests(app, { logger: deps.logger ?? silentLogger, metrics }));
  app.use(securityHeaders({ https: deps.secureCookie }));

  const api = express.Router();
  api.use(noStore);
  // The page's first stream resumes from the mark of the sign-in answer instead of refetching all it loaded.
  api.use((_req, res, next) => {
    res.setHeader(EVENTS_THROUGH_HEADER, String(hub.lastEventId));
    next();
  });
  const changeMark = createChangeMark(() => hub.lastEventId);
  api.use(changeMark.countWrites);
  api.use(cookieParser());
  // CSRF before anything else: a forged cross-site write is refused before its body is read.
  api.use(refuseCrossSite({ appOrigins: deps.appOrigins ?? [] }));
  // A method a documented path does not take: 405 (OPTIONS: 204), before anything is read.
  api.use(methodNotAllowed(API_ROUTES));
  // The query and the JSON body are read only once the route has let the request in: the public
  // routes here, every other route after the session check below.
  // The one multipart route (a document's upload) reads its own body, after the session check.
  const readRequest = [refuseInvalidQuery, ...readJsonBody({ limitBytes: deps.jsonBodyLimitBytes ?? 64 * 1024, multipartRoutes: { 'POST /documents': { alsoJson: true }, 'POST /imports': { alsoJson: false }, 'POST /imports/preview': { alsoJson: false } } })];
  api.use('/health', createHealthRouter({ health: deps.health ?? createHealthMonitor({ db, temporal }) }));
  api.use('/ready', createReadyRouter({ db, ...temporalDeps }));
  api.use('/auth', readRequest);
  api.use('/auth', createAuthRouter({ db, sessions, passwords, limiter, secureCookie: deps.secureCookie }));
  api.use('/invites', readRequest);
  api.use('/invites', createInvitesRouter({ db, sessions, passwords, secureCookie: deps.secureCookie }));
  api.use('/unsubscribe', readRequest);
  api.use('/unsubscribe', createUnsubscribeRouter({ db }));
  // Calendar apps fetch the feed without a cookie: the token in its path is the credential.
  api.use('/calendar', readRequest);
  api.use('/calendar', createCalendarRouter({ db, appUrl: (deps.appUrl ?? 'http://localhost:3000').replace(/\/+$/, '') }));
  api.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  api.use(requireUser(sessions));
  api.use(readRequest);
  api.use('/me', createMeRouter({ db, sessions, passwords, limiter, now, appUrl: (deps.appUrl ?? 'http://localhost:3000').replace(/\/+$/, '') }));
  api.get('/config', (_req, res) => {
    res.json({ temporalUiUrl: deps.temporalUiUrl, documentMaxBytes: deps.documents.maxBytes } satisfies ClientConfig);
  });
  api.use('/leads', createLeadsRouter({ db, ...temporalDeps, settings, changeMark: changeMark.current, deadlines: deps.deadlines ?? DEFAULT_DEADLINES }));
  api.use('/buyers', createBuyersRouter({ db, ...temporalDeps, settings, changeMark: changeMark.current, appUrl: (deps.appUrl ?? 'http://localhost:3000').replace(/\/+$/, ''), documentsDir: deps.documents.dir }));
  api.use('/outbox', createOutboxRouter({ db, outboxDir: deps.outboxDir ?? path.join('data', 'outbox') }));
  api.use('/offers', createOffersRouter({ db, ...temporalDeps }));
  api.use('/tasks', createTasksRouter({ db, ...temporalDeps }));
  api.use('/notes', createNotesRouter({ db }));
  api.use('/deals', createDealsRouter({ db }));
  api.use('/queue', createQueueRouter({ db, settings }));
  api.use('/documents', createDocumentsRouter({ db, ...temporalDeps, storage: deps.documents }));
  api.use('/imports', createImportsRouter({ db, ...temporalDeps, dir: deps.importsDir ?? path.join(path.dirname(deps.documents.dir), 'imports') }));
  api.use('/history', createHistoryRouter({ db }));
  api.use('/search', createSearchRouter({ db }));
  api.use('/users', createUsersRouter({ db, ...temporalDeps, onChange: sessions.forgetAll, appUrl: (deps.appUrl ?? 'http://localhost:3000').replace(/\/+$/, '') }));
  api.use('/notifications', createNotificationsRouter({ db }));
  api.use('/settings', createSettingsRouter({ db, deadlines: deps.deadlines ?? DEFAULT_DEADLINES, onChange: settings.forget }));
  api.use('/analytics', createAnalyticsRouter({ db, changeMark: changeMark.current }));
  api.use('/dashboard', createDashboardRouter({ db, changeMark: changeMark.current }));
  api.use('/events', createEventsRouter({ db, hub, sessions }));
  api.use(notFoundHandler);
  api.use(errorHandler);
  app.use('/api', api);
  app.use('/metrics', createMetricsRouter({ metrics, ...(deps.metricsToken ? { token: deps.metricsToken } : {}), ...(deps.readMetrics ? { read: deps.readMetrics } : {}) }));

  if (hasWebApp(deps.webDist)) app.use(serveWebApp(deps.webDist));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
