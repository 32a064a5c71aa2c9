import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../../api/app';
import { createEventHub } from '../../api/sse/event-hub';
import { freePort } from '../../scripts/lib/processes';
import { createTestDb } from '../support/test-db';

jest.setTimeout(180_000);

it('answers 503 naming Temporal when Temporal is down', async () => {
  const testDb = await createTestDb();
  const connection = await Connection.lazy({ address: `127.0.0.1:${await freePort()}`, connectTimeout: 500 });
  const app = createApp({
    db: testDb.db,
    temporal: new Client({ connection }),
    hub: createEventHub({ db: testDb.db, pollMs: 1000 }),
    taskQueue: 'unused',
    secureCookie: false,
    sessionTtlMs: 60_000,
    temporalUiUrl: 'http://localhost:8233',
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'down', db: 'ok', temporal: 'down' });
  } finally {
    server.close();
    await connection.close();
    await testDb.close();
  }
});
