import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../../../api/app';
import { createEventHub } from '../../../api/sse/event-hub';
import { freePort } from '../../../scripts/lib/processes';
import { buildLead, buildUser, TEST_PASSWORD } from '../../support/factories';
import { createTestDb } from '../../support/test-db';

// The client retries an unreachable server for about 20 s before it gives up.
jest.setTimeout(180_000);

it('a lifecycle route answers 503 when Temporal cannot be reached', async () => {
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
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const user = await buildUser(testDb.db, { role: 'AGENT' });
    const lead = await buildLead(testDb.db, user.id);
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: TEST_PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const response = await fetch(`${url}/api/leads/${lead.id}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ status: 'CONTACTED' }),
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE' } });
    expect((await testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).status).toBe('NEW');
  } finally {
    server.close();
    await connection.close();
    await testDb.close();
  }
});
