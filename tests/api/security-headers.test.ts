import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../../api/app';
import { createEventHub } from '../../api/sse/event-hub';
import { freePort } from '../../scripts/lib/processes';
import { createTestDb, type TestDb } from '../support/test-db';

jest.setTimeout(180_000);

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb?.close();
});

// Temporal is not needed to read headers: a lazy connection to a closed port is never used.
async function withApp<T>(secureCookie: boolean, body: (baseUrl: string) => Promise<T>): Promise<T> {
  const connection = await Connection.lazy({ address: `127.0.0.1:${await freePort()}`, connectTimeout: 500 });
  const app = createApp({
    db: testDb.db,
    temporal: new Client({ connection }),
    hub: createEventHub({ db: testDb.db, pollMs: 1000 }),
    taskQueue: 'unused',
    secureCookie,
    sessionTtlMs: 60_000,
    temporalUiUrl: 'http://localhost:8233',
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    return await body(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.close();
    await connection.close();
  }
}

describe('security headers', () => {
  it.each(['/api/openapi.json', '/api/leads', '/api/no-such-route'])('%s: a strict CSP, no framing, no sniffing, same-origin referrer, no-store', async (route) => {
    await withApp(false, async (baseUrl) => {
      const response = await fetch(`${baseUrl}${route}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    });
  });

  it('adds HSTS when the app runs behind HTTPS (COOKIE_SECURE=true)', async () => {
    await withApp(true, async (baseUrl) => {
      const response = await fetch(`${baseUrl}/api/openapi.json`);
      expect(response.headers.get('strict-transport-security')).toBe('max-age=15552000; includeSubDomains');
    });
  });
});
