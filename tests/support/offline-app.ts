import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../../api/app';
import { createEventHub } from '../../api/sse/event-hub';
import { freePort } from '../../scripts/lib/processes';
import { TEST_PASSWORD } from './factories';
import { createTestDb, type TestDb } from './test-db';

export interface OfflineApp {
  url: string;
  testDb: TestDb;
  /** The session cookie of a user, signed in with the test password. */
  login(email: string): Promise<string>;
  close(): Promise<void>;
}

/** The real app on a real port and SQLite file, with a Temporal address nothing listens on. */
export async function startAppWithoutTemporal(options: { secureCookie?: boolean } = {}): Promise<OfflineApp> {
  const testDb = await createTestDb();
  const connection = await Connection.lazy({ address: `127.0.0.1:${await freePort()}`, connectTimeout: 500 });
  const app = createApp({
    db: testDb.db,
    temporal: new Client({ connection }),
    hub: createEventHub({ db: testDb.db, pollMs: 1000 }),
    taskQueue: 'unused',
    secureCookie: options.secureCookie ?? false,
    sessionTtlMs: 60_000,
    temporalUiUrl: 'http://localhost:8233',
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    testDb,
    async login(email) {
      const response = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: TEST_PASSWORD }),
      });
      if (response.status !== 200) throw new Error(`login as ${email} failed: ${response.status}`);
      return response.headers.get('set-cookie')!.split(';')[0]!;
    },
    async close() {
      server.close();
      await connection.close();
      await testDb.close();
    },
  };
}
