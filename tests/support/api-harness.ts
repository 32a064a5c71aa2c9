import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DEFAULT_DOCUMENT_MAX_BYTES } from '../../domain/documents/document-files';
import type { Server } from 'node:http';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createApp } from '../../api/app';
import { createEventHub, type EventHub } from '../../api/sse/event-hub';
import { DEFAULT_DEADLINES, type Deadlines } from '../../domain/config/deadlines';
import { createFlipstackkWorker } from '../../worker/create-worker';
import { startTemporalDevServer, workflowBundle } from './temporal-env';
import { createTestDb, type TestDb } from './test-db';
import { logIn } from '../../scripts/lib/log-in';
import { TEST_PASSWORD } from './factories';
import { CLIENT_HEADER } from '../../domain/auth/client-header';
import type { MailConfig } from '../../mail/create-mailer';
import { keepIdleConnections } from '../../api/keep-idle-connections';

export interface ApiHarness {
  url: string;
  testDb: TestDb;
  temporal: TestWorkflowEnvironment;
  hub: EventHub;
  /** DOCUMENTS_DIR of this app: uploaded files under their content hash. */
  documentsDir: string;
  /** Where the worker writes mail without an SMTP server, and the Outbox reads it. */
  outboxDir: string;
  appUrl: string;
  login(email: string, password?: string): Promise<string>;
  request(method: string, path: string, options?: { body?: unknown; rawBody?: string; cookie?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** The real app on a real port, a real SQLite file, a real Temporal dev server and a running worker. */
export async function startApiHarness(options: { deadlines?: Deadlines; documentMaxBytes?: number; smtpUrl?: string } = {}): Promise<ApiHarness> {
  const [temporal, testDb] = await Promise.all([startTemporalDevServer(), createTestDb()]);
  const outboxDir = path.join(path.dirname(testDb.file), 'outbox');
  const appUrl = 'http://crm.flipstackk.test';
  const mail: MailConfig = { smtpUrl: options.smtpUrl, from: 'Flipstackk <deals@flipstackk.test>', outboxDir, appUrl };
  const taskQueue = 'api-test';
  const deadlines = options.deadlines ?? DEFAULT_DEADLINES;
  const worker = await createFlipstackkWorker({
    connection: temporal.nativeConnection,
    namespace: temporal.namespace ?? 'default',
    taskQueue,
    db: testDb.db,
    deadlines,
    mail,
    workflowBundle: await workflowBundle(),
  });
  const workerRun = worker.run();
  const hub = createEventHub({ db: testDb.db, pollMs: 25 });
  const documentsDir = path.join(path.dirname(testDb.file), 'documents');
  await hub.start();
  const app = createApp({
    db: testDb.db,
    temporal: temporal.client,
    hub,
    taskQueue,
    secureCookie: false,
    sessionTtlMs: 3_600_000,
    temporalUiUrl: 'http://localhost:8233',
    documents: { dir: documentsDir, maxBytes: options.documentMaxBytes ?? DEFAULT_DOCUMENT_MAX_BYTES },
    appUrl,
    outboxDir,
    deadlines,
    // The worker runs in this process, beside the API and the test, and there is no reconciler to
    // start what a route's 0.7 s wait missed: on a loaded CI machine a start took longer (a merge
    // test's lead never got its contact task), so the routes here wait up to 10 s.
    startDeadlineMs: 10_000,
  });
  const server: Server = await new Promise((resolve) => {
    const listening = keepIdleConnections(app.listen(0, '127.0.0.1', () => resolve(listening)));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const request: ApiHarness['request'] = async (method, path, { body, rawBody, cookie, headers = {} } = {}) => {
    const send = () => fetch(`${url}${path}`, {
      method,
      headers: {
        ...(body !== undefined || rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
        // Lower-case, so a test's own `x-flipstackk-client` replaces it.
        [CLIENT_HEADER.toLowerCase()]: 'test',
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
      body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    // A kept-alive socket the server closed as the request went out (its event loop busy with the
    // in-process worker) fails the fetch; a read is safe to send again, a write is not.
    const response = await send().catch((error: unknown) => {
      // (Compared by message: fetch's errors come from Node's realm, not the test's, so instanceof fails.)
      if (method !== 'GET' || (error as { message?: unknown } | null)?.message !== 'fetch failed') throw error;
      return send();
    });
    const text = await response.text();
    const isJson = (response.headers.get('content-type') ?? 'application/json').includes('json');
    return { status: response.status, body: text ? (isJson ? (JSON.parse(text) as unknown) : text) : undefined };
  };

  return {
    url,
    testDb,
    temporal,
    hub,
    documentsDir,
    outboxDir,
    appUrl,
    request,
    login: (email, password = TEST_PASSWORD) => logIn(url, email, password, 'test'),
    async close() {
      hub.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      worker.shutdown();
      await workerRun;
      await temporal.teardown();
      await testDb.close();
    },
  };
}
