import path from 'node:path';
import { DEFAULT_DOCUMENT_MAX_BYTES } from '../../domain/documents/document-files';
import type { AddressInfo } from 'node:net';
import { createApp, type AppDeps } from '../../api/app';
import { createEventHub, type EventHub } from '../../api/sse/event-hub';
import { connectTemporal } from '../../api/temporal/client';
import { freePort } from '../../scripts/lib/processes';
import { logIn } from '../../scripts/lib/log-in';
import { TEST_PASSWORD } from './factories';
import { createTestDb, type TestDb } from './test-db';
import { keepIdleConnections } from '../../api/keep-idle-connections';

export interface OfflineApp {
  url: string;
  testDb: TestDb;
  hub: EventHub;
  /** The session cookie of a user, signed in with the test password (or the one given). */
  login(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real app on a real port and SQLite file, with a Temporal address nothing listens on; its
 * event hub streams (every 25 ms). `app` overrides the app's settings (limits, clock, hashing).
 */
export async function startAppWithoutTemporal(
  options: { secureCookie?: boolean; app?: Partial<Pick<AppDeps, 'sessionTtlMs' | 'sessionIdleMs' | 'maxSessionsPerUser' | 'loginLimits' | 'passwordConcurrency' | 'passwordHashing' | 'now' | 'appOrigins' | 'webDist'>> } = {},
): Promise<OfflineApp> {
  const testDb = await createTestDb();
  // The API's own client, so its quick failure is what the tests see.
  const temporal = connectTemporal(`127.0.0.1:${await freePort()}`, 'default');
  const hub = createEventHub({ db: testDb.db, pollMs: 25, ...(options.app?.now ? { now: options.app.now } : {}) });
  await hub.start();
  const app = createApp({
    db: testDb.db,
    temporal,
    hub,
    taskQueue: 'unused',
    secureCookie: options.secureCookie ?? false,
    sessionTtlMs: 60_000,
    temporalUiUrl: 'http://localhost:8233',
    documents: { dir: path.join(path.dirname(testDb.file), 'documents'), maxBytes: DEFAULT_DOCUMENT_MAX_BYTES },
    ...options.app,
  });
  const server = keepIdleConnections(app.listen(0, '127.0.0.1'));
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    testDb,
    hub,
    login: (email, password = TEST_PASSWORD) => logIn(url, email, password, 'test'),
    async close() {
      hub.stop();
      server.closeAllConnections();
      server.close();
      await temporal.connection.close();
      await testDb.close();
    },
  };
}
