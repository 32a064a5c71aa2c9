import { buildLead, buildUser } from '../../support/factories';
import { startAppWithoutTemporal } from '../../support/offline-app';
import { CLIENT_HEADER } from '../../../domain/auth/client-header';

jest.setTimeout(180_000);

it('a lifecycle route answers 503 when Temporal cannot be reached, without waiting out client retries, and changes nothing', async () => {
  const app = await startAppWithoutTemporal();
  try {
    const user = await buildUser(app.testDb.db, { role: 'AGENT' });
    const lead = await buildLead(app.testDb.db, user.id);
    const response = await fetch(`${app.url}/api/leads/${lead.id}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CLIENT_HEADER]: 'test', cookie: await app.login(user.email) },
      body: JSON.stringify({ status: 'CONTACTED' }),
      // The SDK's default client retries an unreachable server for about 20 s; the API's gives up at once.
      signal: AbortSignal.timeout(10_000),
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE' } });
    expect((await app.testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).status).toBe('NEW');
  } finally {
    await app.close();
  }
});
